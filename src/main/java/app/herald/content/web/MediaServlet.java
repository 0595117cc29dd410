package app.herald.content.web;

import app.herald.content.application.MediaLibrary;
import app.herald.content.domain.MediaFile;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.web.ClientFiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Serves a tenant's media (or a thumbnail) to the people who may open that tenant: /media?client=ID&id=ID[&thumb]. */
@WebServlet("/media")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"MEMBER", "CLIENT"}))
public class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientFiles files;
    @Inject
    MediaLibrary library;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = files.enter(request, "id");
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean thumbnail = request.getParameter("thumb") != null;
        MediaFile media;
        Path file;
        try {
            media = library.find(id.get());
            file = library.fileOf(media, thumbnail);
        } catch (AccessDenied | RuleViolation e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!Files.isRegularFile(file)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(thumbnail ? "image/jpeg" : media.getMediaType().contentType());
        response.setContentLengthLong(Files.size(file));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.setHeader("Content-Disposition", "inline; filename=\"" + media.getSha256() + "."
                + media.getMediaType().extension() + "\"");
        Files.copy(file, response.getOutputStream());
    }
}
