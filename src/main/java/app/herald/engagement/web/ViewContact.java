package app.herald.engagement.web;

import app.herald.engagement.application.Contacts;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.ContactIdentity;
import app.herald.engagement.domain.Interaction;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One contact (/client/contact.xhtml?client=ID&contact=ID): their accounts on the networks, their whole history with
 * this client, and what the agency knows of them (name, VIP, tags, a note); accounts of one person are linked into
 * one contact here, or unlinked.
 */
@Named
@ViewScoped
public class ViewContact implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY = 200;

    @Inject
    ClientAccess access;
    @Inject
    Contacts contacts;

    private String contactParam;
    private Contact contact;
    private List<ContactIdentity> accounts = List.of();
    private List<Interaction> history = List.of();
    private String name;
    private boolean vip;
    private String note;
    private String newTag;
    private String linkWords;
    private List<Contact> candidates = List.of();
    private boolean mayWork;

    public void open() {
        if (!access.open()) {
            return;
        }
        try {
            long id = Pages.id(contactParam).orElseThrow(() -> new AccessDenied("No contact id"));
            load(id);
        } catch (AccessDenied e) {
            Pages.notFound();
        }
    }

    private void load(long id) {
        Actor actor = access.enter();
        contact = contacts.find(actor, id);
        accounts = contacts.identities(List.of(id)).getOrDefault(id, List.of());
        history = contacts.history(actor, id, HISTORY);
        name = contact.getName();
        vip = contact.isVip();
        note = contact.getNote().orElse(null);
        mayWork = actor.writesContent();
    }

    public void save() {
        Feedback.attempt(() -> contacts.describe(access.enter(), contact.getId(), name, vip, note), "Saved.");
        load(contact.getId());
    }

    public void tag() {
        if (Feedback.attempt(() -> contacts.tag(access.enter(), contact.getId(), newTag), null)) {
            newTag = null;
        }
        load(contact.getId());
    }

    public void untag(String tag) {
        Feedback.attempt(() -> contacts.untag(access.enter(), contact.getId(), tag), null);
        load(contact.getId());
    }

    /** Finds other contacts by name or handle, to link one to this contact. */
    public void findCandidates() {
        candidates = contacts.page(access.enter(), linkWords, null, false, PageRequest.firstRows(10)).stream()
                .filter(c -> !c.getId().equals(contact.getId())).toList();
    }

    public void link(long otherId) {
        Feedback.attempt(() -> contacts.link(access.enter(), contact.getId(), otherId), "Linked: one person now.");
        candidates = List.of();
        load(contact.getId());
    }

    /** The account becomes a contact of its own, with what it did. */
    public void unlink(long identityId) {
        Feedback.attempt(() -> contacts.unlink(access.enter(), contact.getId(), identityId),
                "Unlinked: that account is a contact of its own now.");
        load(contact.getId());
    }

    public ClientAccess getAccess() {
        return access;
    }

    public String getContactParam() {
        return contactParam;
    }

    public void setContactParam(String contactParam) {
        this.contactParam = contactParam;
    }

    public Contact getContact() {
        return contact;
    }

    public List<ContactIdentity> getAccounts() {
        return accounts;
    }

    public List<Interaction> getHistory() {
        return history;
    }

    public boolean isMayWork() {
        return mayWork;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isVip() {
        return vip;
    }

    public void setVip(boolean vip) {
        this.vip = vip;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getNewTag() {
        return newTag;
    }

    public void setNewTag(String newTag) {
        this.newTag = newTag;
    }

    public String getLinkWords() {
        return linkWords;
    }

    public void setLinkWords(String linkWords) {
        this.linkWords = linkWords;
    }

    public List<Contact> getCandidates() {
        return candidates;
    }
}
