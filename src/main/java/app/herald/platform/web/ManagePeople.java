package app.herald.platform.web;

import app.herald.identity.web.CurrentActor;
import app.herald.identity.application.Invitations;
import app.herald.identity.application.MemberAdministration;
import app.herald.identity.application.MemberAdministration.Person;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Role;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agency's people: invite members and client users, change roles, limit members to clients, remove. */
@Named
@ViewScoped
public class ManagePeople implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MemberAdministration administration;
    @Inject
    Invitations invitations;
    @Inject
    TenantDirectory directory;
    @Inject
    CurrentActor current;

    private List<Person> people;
    private Map<Long, Tenant> clients;
    private String memberEmail;
    private Role memberRole = Role.EDITOR;
    private List<Long> memberClients = new ArrayList<>();
    private String clientEmail;
    private Long clientId;
    private Role clientRole = Role.APPROVER;
    private Person editing;
    private Role editRole;
    private List<Long> editClients = new ArrayList<>();

    /** View action: only owners and managers of an agency may see its people. */
    public void open() {
        Actor actor = current.get();
        if (!actor.agencyId().map(actor::runs).orElse(false)) {
            Pages.forbidden();
            return;
        }
        load();
    }

    private void load() {
        Actor actor = current.get();
        people = administration.peopleOf(actor);
        clients = directory.visibleTo(actor).stream().collect(Collectors.toMap(Tenant::getId, Function.identity()));
    }

    public void resetTwoFactor(Person person) {
        if (Feedback.attempt(() -> administration.resetTwoFactor(current.get(), person.membershipId()),
                person.email() + " signs in with the password alone until they set up two-factor sign-in again; "
                        + "they were signed out everywhere.")) {
            load();
        }
    }

    public void inviteMember() {
        if (Feedback.attempt(() -> invitations.inviteMember(current.get(), memberEmail, memberRole, Set.copyOf(memberClients)),
                "Invitation sent to " + memberEmail + ".")) {
            memberEmail = null;
            memberClients = new ArrayList<>();
            load();
        }
    }

    public void inviteClientUser() {
        if (clientId == null) {
            Feedback.error("Choose the client this person belongs to.");
            return;
        }
        if (Feedback.attempt(() -> invitations.inviteClientUser(current.get(), clientId, clientEmail, clientRole),
                "Invitation sent to " + clientEmail + ".")) {
            clientEmail = null;
            load();
        }
    }

    public void edit(Person person) {
        editing = person;
        editRole = person.role();
        editClients = new ArrayList<>(person.allClients() ? Set.of() : person.limitedTo());
    }

    public void saveEdit() {
        Actor actor = current.get();
        if (Feedback.attempt(() -> {
            if (editRole != editing.role()) {
                administration.changeRole(actor, editing.membershipId(), editRole);
            }
            if (editing.role().isStaff() && editRole != Role.OWNER) {
                administration.limitToClients(actor, editing.membershipId(), new HashSet<>(editClients), clients.keySet());
            }
        }, "Saved " + editing.email() + ".")) {
            editing = null;
        }
        load();
    }

    public void remove(Person person) {
        Feedback.attempt(() -> administration.remove(current.get(), person.membershipId()),
                person.email() + " was removed and can no longer sign in.");
        load();
    }

    public String clientsOf(Person person) {
        if (person.clientOf() != null) {
            return nameOf(person.clientOf());
        }
        if (person.allClients()) {
            return "All clients";
        }
        return person.limitedTo().isEmpty() ? "No client"
                : person.limitedTo().stream().map(this::nameOf).sorted().collect(Collectors.joining(", "));
    }

    private String nameOf(long tenantId) {
        Tenant tenant = clients.get(tenantId);
        return tenant == null ? "(deleted client)" : tenant.getName();
    }

    public Set<Role> getStaffRoles() {
        return current.get().role().orElseThrow() == Role.OWNER ? Role.STAFF : EnumSet.of(Role.MANAGER, Role.EDITOR, Role.ANALYST);
    }

    public Set<Role> getClientRoles() {
        return Role.CLIENT;
    }

    public List<Tenant> getClients() {
        return List.copyOf(clients.values());
    }

    public List<Person> getPeople() {
        return people;
    }

    public String getMemberEmail() {
        return memberEmail;
    }

    public void setMemberEmail(String memberEmail) {
        this.memberEmail = memberEmail;
    }

    public Role getMemberRole() {
        return memberRole;
    }

    public void setMemberRole(Role memberRole) {
        this.memberRole = memberRole;
    }

    public List<Long> getMemberClients() {
        return memberClients;
    }

    public void setMemberClients(List<Long> memberClients) {
        this.memberClients = memberClients;
    }

    public String getClientEmail() {
        return clientEmail;
    }

    public void setClientEmail(String clientEmail) {
        this.clientEmail = clientEmail;
    }

    public Long getClientId() {
        return clientId;
    }

    public void setClientId(Long clientId) {
        this.clientId = clientId;
    }

    public Role getClientRole() {
        return clientRole;
    }

    public void setClientRole(Role clientRole) {
        this.clientRole = clientRole;
    }

    public Person getEditing() {
        return editing;
    }

    public Role getEditRole() {
        return editRole;
    }

    public void setEditRole(Role editRole) {
        this.editRole = editRole;
    }

    public List<Long> getEditClients() {
        return editClients;
    }

    public void setEditClients(List<Long> editClients) {
        this.editClients = editClients;
    }
}
