package app.herald.content.web;

import app.herald.content.application.PostImport;
import app.herald.content.domain.ImportReport;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.primefaces.event.FileUploadEvent;

/**
 * Bulk import (/client/import.xhtml?client=ID): upload or paste a CSV, see every problem by line, and import only
 * when there is none.
 */
@Named
@ViewScoped
public class ImportPosts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    PostImport postImport;

    private String csv;
    private ImportReport report;

    public void open() {
        if (access.open() && !access.enter().isStaff()) {
            Pages.notFound();
        }
    }

    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            byte[] bytes = in.readNBytes(PostImport.MAX_CHARS + 1);
            csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            check();
        } catch (CharacterCodingException e) {
            Feedback.error("This file is not a UTF-8 text (CSV) file.");
        } catch (IOException e) {
            Feedback.error("The upload could not be read; please try again.");
        }
    }

    public void check() {
        report = null;
        Feedback.attempt(() -> {
            access.enter();
            report = postImport.check(csv);
        }, null);
    }

    public void importAll() {
        int count = report == null ? 0 : report.rows().size();
        if (Feedback.attempt(() -> postImport.importAll(access.enter(), csv), count + " draft posts imported.")) {
            Pages.redirect("/client/posts.xhtml?client=" + access.getClient().id());
        }
    }

    public ClientAccess getAccess() {
        return access;
    }

    public String getCsv() {
        return csv;
    }

    public void setCsv(String csv) {
        this.csv = csv;
    }

    public ImportReport getReport() {
        return report;
    }
}
