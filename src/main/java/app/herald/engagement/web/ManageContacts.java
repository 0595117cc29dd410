package app.herald.engagement.web;

import app.herald.engagement.application.Contacts;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.domain.Contact;
import app.herald.identity.domain.Actor;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.LazyRows;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A client's contacts (/client/contacts.xhtml?client=ID): everyone who interacted with its channels, searchable by
 * name and handle, by tag and VIP, most recently seen first; and the top people of the last 30 days.
 */
@Named
@ViewScoped
public class ManageContacts implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int TOP = 10;

    @Inject
    ClientAccess access;
    @Inject
    Contacts contacts;
    @Inject
    InboxPolicy policy;

    private final LazyRows<Contact> rows = new LazyRows<>(this::countMatching, this::matching, Contact::getId);
    private String words;
    private String tag;
    private boolean vipOnly;
    private String searchedWords;
    private String searchedTag;
    private boolean searchedVip;
    private List<Contacts.Ranked> top = List.of();
    private List<String> tags = List.of();

    public void open() {
        if (!access.open()) {
            return;
        }
        Actor actor = access.enter();
        if (!policy.mayRead(actor)) {
            Pages.notFound();
            return;
        }
        Instant now = Instant.now();
        top = contacts.top(actor, now.minus(Duration.ofDays(30)), now, TOP);
        tags = contacts.tagsInUse();
    }

    public void search() {
        Feedback.attempt(() -> {
            searchedWords = words;
            searchedTag = tag;
            searchedVip = vipOnly;
            LazyRows.firstPage(":contacts:list");
        }, null);
    }

    private long countMatching() {
        return contacts.count(access.enter(), searchedWords, searchedTag, searchedVip);
    }

    private List<Contact> matching(PageRequest request) {
        return contacts.page(access.enter(), searchedWords, searchedTag, searchedVip, request);
    }

    public ClientAccess getAccess() {
        return access;
    }

    public LazyRows<Contact> getRows() {
        return rows;
    }

    public List<Contacts.Ranked> getTop() {
        return top;
    }

    public List<String> getTags() {
        return tags;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public boolean isVipOnly() {
        return vipOnly;
    }

    public void setVipOnly(boolean vipOnly) {
        this.vipOnly = vipOnly;
    }
}
