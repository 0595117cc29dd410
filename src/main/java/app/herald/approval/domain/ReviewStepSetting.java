package app.herald.approval.domain;

import app.herald.kernel.Text;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A stored internal review step of the tenant. Approvers are user ids of the platform, kept as a list in one column
 * (no JPA relationships between tenant entities, see ADR 0006).
 */
@Entity
@Table(name = "review_step")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ReviewStepSetting.all", query = "SELECT s FROM ReviewStepSetting s ORDER BY s.position, s.id")
public class ReviewStepSetting implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean everyone;

    @Column(name = "approver_ids", nullable = false)
    private String approverIds;

    protected ReviewStepSetting() {
    }

    public ReviewStepSetting(int position, ReviewStep step) {
        this.position = position;
        this.name = Text.name("A review step's name", step.name(), 80);
        this.everyone = step.everyoneMustApprove();
        this.approverIds = step.approvers().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    public Set<Long> approvers() {
        return Arrays.stream(approverIds.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf)
                .collect(Collectors.toSet());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isEveryone() {
        return everyone;
    }
}
