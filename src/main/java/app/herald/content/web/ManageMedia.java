package app.herald.content.web;

import app.herald.content.application.MediaLibrary;
import app.herald.content.domain.MediaFile;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** A client's media library (/client/media.xhtml?client=ID): upload images and videos, see them as thumbnails. */
@Named
@ViewScoped
public class ManageMedia implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    MediaLibrary library;

    private List<MediaFile> media;

    public void open() {
        if (access.open()) {
            media = library.all();
        }
    }

    public void upload(FileUploadEvent event) {
        String name = event.getFile().getFileName();
        try (InputStream in = event.getFile().getInputStream()) {
            Feedback.attempt(() -> library.upload(access.enter(), name, in), name + " added to the library.");
        } catch (IOException e) {
            Feedback.error("The upload of " + name + " could not be read; please try again.");
        }
        media = library.all();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<MediaFile> getMedia() {
        return media;
    }
}
