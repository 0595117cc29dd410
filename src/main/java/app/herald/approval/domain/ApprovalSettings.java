package app.herald.approval.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** The tenant's approval mode: the one row of approval_settings in the tenant's schema. */
@Entity
@Table(name = "approval_settings")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
public class ApprovalSettings {

    public static final int THE_ROW = 1;

    @Id
    private int id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalMode mode;

    protected ApprovalSettings() {
    }

    public ApprovalMode getMode() {
        return mode;
    }

    public void changeMode(ApprovalMode newMode) {
        this.mode = newMode;
    }
}
