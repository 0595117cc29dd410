package app.herald.content.web;

import app.herald.content.application.MediaLibrary;
import app.herald.content.domain.MediaFile;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.SearchWords;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.LazyRows;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.primefaces.event.FileUploadEvent;

/**
 * A client's media library (/client/media.xhtml?client=ID): upload images and videos, see them as thumbnails a page at
 * a time, find one by its name.
 */
@Named
@ViewScoped
public class ManageMedia implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    MediaLibrary library;

    private final LazyRows<MediaFile> media = new LazyRows<>(this::countMatching, this::matching, MediaFile::getId);
    private Optional<String> search = Optional.empty();
    private String words;

    public void open() {
        access.open();
    }

    /** Shows the files whose name contains the words typed; refused words leave the library as it was. */
    public void search() {
        Feedback.attempt(() -> {
            search = SearchWords.of(words);
            LazyRows.firstPage(":library:media");
        }, null);
    }

    private long countMatching() {
        access.enter();
        return library.count(search);
    }

    private List<MediaFile> matching(PageRequest request) {
        access.enter();
        return library.page(search, request);
    }

    public void upload(FileUploadEvent event) {
        String name = event.getFile().getFileName();
        try (InputStream in = event.getFile().getInputStream()) {
            Feedback.attempt(() -> library.upload(access.enter(), name, in), name + " added to the library.");
        } catch (IOException e) {
            Feedback.error("The upload of " + name + " could not be read; please try again.");
        }
        LazyRows.firstPage(":library:media");
    }

    public ClientAccess getAccess() {
        return access;
    }

    public LazyRows<MediaFile> getMedia() {
        return media;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
