package app.herald.api.web;

import app.herald.identity.application.ApiTokens;
import app.herald.identity.application.MemberAdministration;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.identity.domain.ApiToken;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agency's API tokens screen (/agency/api-tokens.xhtml), for owners and managers: make a token for a member,
 * with scopes, clients and an expiry, see it once, and revoke tokens; each shows when and from where it was last used.
 */
@Named
@ViewScoped
public class KeepApiTokens implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    ApiTokens tokens;
    @Inject
    MemberAdministration members;
    @Inject
    TenantDirectory directory;
    @Inject
    CurrentActor current;

    private List<Row> rows = List.of();
    private Map<Long, String> clientNames = Map.of();
    private List<String> memberEmails = List.of();
    private String name;
    private String member;
    private List<String> scopes = new ArrayList<>();
    private List<Long> clients = new ArrayList<>();
    private LocalDate expiresOn;
    private String shownToken;

    /** One token as listed. */
    public record Row(long id, String name, String member, String scopes, String clients, String expires,
                      String lastUsed, String state, boolean revocable) implements Serializable {
    }

    /** View action: only an agency's owners and managers keep its tokens. */
    public void open() {
        Actor actor = current.get();
        if (!actor.agencyId().map(actor::runs).orElse(false)) {
            Pages.forbidden();
            return;
        }
        clientNames = directory.visibleTo(actor).stream()
                .collect(Collectors.toMap(Tenant::getId, Tenant::getName, (a, b) -> a));
        memberEmails = members.peopleOf(actor).stream().filter(p -> p.role().isStaff())
                .map(MemberAdministration.Person::email).sorted().toList();
        member = actor.email();
        expiresOn = LocalDate.now(ZoneOffset.UTC).plusDays(90);
        load();
    }

    private void load() {
        Instant now = Instant.now();
        rows = tokens.of(current.get()).stream().map(t -> row(t.token(), t.member(), now)).toList();
    }

    private Row row(ApiToken t, String memberEmail, Instant now) {
        return new Row(t.getId(), t.getName(), memberEmail,
                t.getScopes().stream().map(ApiScope::code).collect(Collectors.joining(" ")),
                t.isForEveryClient() ? "Every client" : t.clientIds().stream()
                        .map(id -> clientNames.getOrDefault(id, "another client")).collect(Collectors.joining(", ")),
                WHEN.format(t.getExpiresAt()),
                t.getLastUsedAt().map(at -> WHEN.format(at) + t.getLastUsedFrom().map(f -> " from " + f).orElse(""))
                        .orElse("Never"),
                t.refusal(now).map(r -> r.replace("This token ", "").replace(".", "")).map(this::capitalised)
                        .orElse("Active"),
                t.refusal(now).isEmpty());
    }

    private String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public void create() {
        Instant expires = expiresOn == null ? null : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (Feedback.attempt(() -> shownToken = tokens.issue(current.get(), member, name, ApiTokens.scopes(scopes),
                new HashSet<>(clients), expires).text(),
                "Token made. Copy it now: Herald shows it only this once.")) {
            name = null;
            scopes = new ArrayList<>();
            clients = new ArrayList<>();
            load();
        }
    }

    public void revoke(Row row) {
        if (Feedback.attempt(() -> tokens.revoke(current.get(), row.id()),
                "Token " + row.name() + " revoked: it opens nothing from now on.")) {
            load();
        }
    }

    public List<ApiScope> getScopeChoices() {
        return Arrays.asList(ApiScope.values());
    }

    public Map<Long, String> getClientChoices() {
        return clientNames;
    }

    public List<String> getMemberChoices() {
        return memberEmails;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getShownToken() {
        return shownToken;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<Long> getClients() {
        return clients;
    }

    public void setClients(List<Long> clients) {
        this.clients = clients;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
