package app.herald.identity.domain;

import app.herald.kernel.Secrets;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * One of the ten codes that sign a person in when their phone is lost, each good once. Only its SHA-256 is kept: a
 * code carries 50 random bits, too many to guess from the hash.
 */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = "RecoveryCode.of", query = "SELECT r FROM RecoveryCode r WHERE r.userId = :user")
@NamedQuery(name = "RecoveryCode.unused", query = "SELECT r FROM RecoveryCode r "
        + "WHERE r.userId = :user AND r.codeHash = :hash AND r.usedAt IS NULL")
@NamedQuery(name = "RecoveryCode.left", query = "SELECT COUNT(r) FROM RecoveryCode r "
        + "WHERE r.userId = :user AND r.usedAt IS NULL")
@NamedQuery(name = "RecoveryCode.forget", query = "DELETE FROM RecoveryCode r WHERE r.userId = :user")
public class RecoveryCode {

    public static final int PER_PERSON = 10;
    /** Letters and digits that cannot be mistaken for one another when copied from paper. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "used_at")
    private Long usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(long userId, String code) {
        this.userId = userId;
        this.codeHash = hashOf(code);
    }

    /** A new code to show once: ten characters in two groups, about 50 bits. */
    public static String newCode() {
        return Secrets.randomText(ALPHABET, 5) + "-" + Secrets.randomText(ALPHABET, 5);
    }

    /** Whether what someone typed has a recovery code's shape (spaces and case aside). */
    public static boolean looksLikeOne(String typed) {
        return typed != null && normalized(typed).matches("[a-z0-9]{5}-[a-z0-9]{5}");
    }

    public static String hashOf(String typed) {
        return Secrets.sha256(normalized(typed));
    }

    private static String normalized(String typed) {
        String plain = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return plain.length() == 10 ? plain.substring(0, 5) + "-" + plain.substring(5) : plain;
    }

    public void use(Instant now) {
        this.usedAt = now.toEpochMilli();
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
