package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An agency's single sign-on: its OpenID Connect provider (issuer, and Herald's client there), the sign-in name its
 * staff start from, whether staff must use it, and who may join the agency by signing in for the first time.
 */
@Entity
@Table(name = "agency_sign_on")
@NamedQuery(name = "SignOnSettings.byName", query = "SELECT s FROM SignOnSettings s WHERE s.signInName = :name")
public class SignOnSettings {

    private static final Pattern SIGN_IN_NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final Pattern CLIENT_ID = Pattern.compile("^[\\x21-\\x7e]{1,255}$");
    private static final int MAX_DOMAINS = 20;

    @Id
    @Column(name = "agency_id")
    private long agencyId;

    @Column(name = "sign_in_name", nullable = false, length = 40)
    private String signInName;

    @Column(nullable = false, length = 300)
    private String issuer;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    /** Sealed with the key ring; opened only to call the provider's token endpoint. */
    @Column(name = "client_secret", nullable = false, length = 2000)
    private String clientSecret;

    @Column(name = "staff_must_use", nullable = false)
    private boolean staffMustUse;

    @Enumerated(EnumType.STRING)
    @Column(name = "join_role")
    private Role joinRole;

    @Column(name = "join_domains", length = 1000)
    private String joinDomains;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected SignOnSettings() {
    }

    public SignOnSettings(long agencyId, String signInName, String issuer, String clientId, String sealedSecret,
                          Instant now) {
        this.agencyId = agencyId;
        rename(signInName);
        useProvider(issuer, clientId, now);
        this.clientSecret = sealedSecret;
    }

    /** The sign-in name is the agency's part of /sso/start?agency=NAME: lower-case letters, digits and hyphens. */
    public static String checkSignInName(String name) {
        String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!SIGN_IN_NAME.matcher(normalized).matches()) {
            throw new RuleViolation("A sign-in name has 1 to 40 lower-case letters, digits and hyphens (not at either "
                    + "end), such as \"northwind\".");
        }
        return normalized;
    }

    /**
     * The issuer exactly as the provider names itself (its ID tokens must carry the same text): an absolute http(s)
     * address without a query or a fragment.
     */
    public static String checkIssuer(String issuer) {
        String text = issuer == null ? "" : issuer.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || text.length() > 300 || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getUserInfo() != null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new RuleViolation("The issuer is the provider's address as it names itself, such as "
                    + "https://login.example.com/realms/agency (at most 300 characters, no query).");
        }
        return text;
    }

    public void rename(String signInName) {
        this.signInName = checkSignInName(signInName);
    }

    /** A change of provider; the secret must be given anew when the issuer changes (the old one was for another). */
    public void useProvider(String issuer, String clientId, Instant now) {
        String id = clientId == null ? "" : clientId.strip();
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new RuleViolation("The client id is the name the provider gave Herald: 1 to 255 visible characters, "
                    + "no spaces.");
        }
        this.issuer = checkIssuer(issuer);
        this.clientId = id;
        this.updatedAt = now.toEpochMilli();
    }

    public void replaceSecret(String sealedSecret) {
        this.clientSecret = sealedSecret;
    }

    public void requireForStaff(boolean required) {
        this.staffMustUse = required;
    }

    /**
     * Who joins on a first sign-in: nobody (no role), or people whose e-mail is at one of the domains, with a staff
     * role below owner (an owner is always chosen by a person).
     */
    public void letJoin(Role role, String domains) {
        if (role == null) {
            this.joinRole = null;
            this.joinDomains = null;
            return;
        }
        if (!role.isStaff() || role == Role.OWNER) {
            throw new RuleViolation("People who join by signing in become managers, editors or analysts; an owner "
                    + "or a client user is always invited.");
        }
        List<String> list = parseDomains(domains);
        if (list.isEmpty()) {
            throw new RuleViolation("Name the e-mail domains whose people may join, such as northwind.test: a "
                    + "provider may also know people from outside the agency.");
        }
        this.joinRole = role;
        this.joinDomains = String.join(",", list);
    }

    static List<String> parseDomains(String text) {
        List<String> domains = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            String domain = part.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.isEmpty() || domains.contains(domain)) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new RuleViolation("\"" + part.strip() + "\" is not an e-mail domain such as northwind.test.");
            }
            domains.add(domain);
        }
        if (domains.size() > MAX_DOMAINS) {
            throw new RuleViolation("Name at most " + MAX_DOMAINS + " domains.");
        }
        return domains;
    }

    /** Whether a person the provider vouches for, unknown to Herald, joins the agency at this sign-in. */
    public boolean letsJoin(String email) {
        if (joinRole == null || email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && domains().contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a password is refused for this role. Owners keep theirs, so that a provider that is down or wrongly set
     * up never locks the agency out of the screen that mends it; client users and platform admins are not staff.
     */
    public boolean requiresProviderFor(Role role) {
        return staffMustUse && role != null && role.isStaff() && role != Role.OWNER;
    }

    public List<String> domains() {
        return joinDomains == null || joinDomains.isBlank() ? List.of() : Arrays.asList(joinDomains.split(","));
    }

    public long getAgencyId() {
        return agencyId;
    }

    public String getSignInName() {
        return signInName;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public boolean isStaffMustUse() {
        return staffMustUse;
    }

    public Optional<Role> getJoinRole() {
        return Optional.ofNullable(joinRole);
    }
}
