package app.herald.reporting.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A finished report's file, stored apart from the {@link Report} so that the history is listed without its files. */
@Entity
@Table(name = "report_file")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
public class ReportFile {

    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Column(nullable = false)
    private byte[] content;

    protected ReportFile() {
    }

    public ReportFile(long reportId, byte[] content) {
        this.reportId = reportId;
        this.content = content.clone();
    }

    public byte[] content() {
        return content.clone();
    }
}
