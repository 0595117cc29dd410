package app.herald.content.application;

import app.herald.content.domain.MediaFile;
import app.herald.content.domain.MediaType;
import app.herald.content.domain.Variant;
import app.herald.content.domain.VariantMedia;
import app.herald.content.infrastructure.ImageInspector;
import app.herald.content.infrastructure.MediaStore;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * The current tenant's media library. An upload is checked by its content (magic bytes), its size and, for images,
 * its dimensions and integrity, before anything is stored; a refused upload leaves nothing behind.
 */
@Stateless
public class MediaLibrary {

    public static final long MAX_IMAGE_BYTES = 20L << 20;
    public static final long MAX_VIDEO_BYTES = 100L << 20;

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    MediaStore store;
    @Inject
    TenantAuditLog audit;

    public MediaFile upload(Actor actor, String fileName, InputStream content) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not upload media");
        }
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
        MediaStore.Received received = store.receive(content, MAX_VIDEO_BYTES,
                name + " is larger than 100 MB, the most Herald takes for a video (20 MB for an image).");
        Path temp = received.file();
        try {
            if (received.size() == 0) {
                throw new RuleViolation(name + " is empty.");
            }
            MediaType type = MediaType.sniff(received.head()).orElseThrow(() -> new RuleViolation(name
                    + " is not a JPEG, PNG or GIF image or an MP4 or MOV video, whatever its name says."));
            if (type.isImage() && received.size() > MAX_IMAGE_BYTES) {
                throw new RuleViolation(name + " is larger than 20 MB, the most Herald takes for an image.");
            }
            Optional<MediaFile> same = em.createNamedQuery("MediaFile.bySha", MediaFile.class)
                    .setParameter("sha256", received.sha256()).getResultStream().findFirst();
            if (same.isPresent()) {
                return same.get();
            }
            ImageInspector.Inspected inspected = type.isImage() ? ImageInspector.inspect(temp, name) : null;
            MediaFile media = new MediaFile(name, type, received.size(), inspected == null ? null : inspected.width(),
                    inspected == null ? null : inspected.height(), received.sha256(), actor.email(), Instant.now());
            em.persist(media);
            em.flush();
            store.keep(context.current().schema(), media, temp, inspected == null ? null : inspected.thumbnail());
            audit.record(actor.email(), "MEDIA_UPLOADED", "media " + media.getId(), media.getFileName() + ", "
                    + media.describe());
            return media;
        } finally {
            store.discard(temp);
        }
    }

    public List<MediaFile> all() {
        return em.createNamedQuery("MediaFile.all", MediaFile.class).getResultList();
    }

    /** How many files the library holds whose name contains the words (all of them when there are none). */
    public long count(Optional<String> words) {
        return library(words).count(em);
    }

    /** One page of those files, the newest first, or sorted by name or size. */
    public List<MediaFile> page(Optional<String> words, PageRequest request) {
        return library(words).rows(em, request);
    }

    private PagedQuery<MediaFile> library(Optional<String> words) {
        PagedQuery<MediaFile> library = PagedQuery.of(MediaFile.class, "m", "The media library")
                .orderedBy("m.createdAt DESC").sortable("fileName", "m.fileName").sortable("size", "m.sizeBytes")
                .sortable("createdAt", "m.createdAt");
        words.ifPresent(text -> library.containing(text, "m.fileName"));
        return library;
    }

    public MediaFile find(long mediaId) {
        return context.require(em.find(MediaFile.class, mediaId), "media", mediaId);
    }

    public Path fileOf(MediaFile media, boolean thumbnail) {
        return thumbnail ? store.thumbnailOf(context.current().schema(), media)
                : store.fileOf(context.current().schema(), media);
    }

    public List<MediaFile> mediaOf(Variant variant) {
        return em.createNamedQuery("VariantMedia.ofVariant", VariantMedia.class).setParameter("variantId", variant.getId())
                .getResultList().stream().map(a -> find(a.getMediaId())).toList();
    }

    /** The media of each of the given variants, in order, by variant id: one query however many variants. */
    public Map<Long, List<Long>> mediaIdsOf(Collection<Variant> variants) {
        if (variants.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("VariantMedia.ofVariants", VariantMedia.class)
                .setParameter("variantIds", variants.stream().map(Variant::getId).toList()).getResultList().stream()
                .collect(Collectors.groupingBy(VariantMedia::getVariantId, LinkedHashMap::new,
                        Collectors.mapping(VariantMedia::getMediaId, Collectors.toList())));
    }

    /** The library's items made before the given one, newest first (a list's next page). */
    public List<MediaFile> newestBelow(long mediaId, int size) {
        return em.createNamedQuery("MediaFile.newestBelow", MediaFile.class).setParameter("below", mediaId)
                .setMaxResults(size).getResultList();
    }

    /** Refuses ids that name nothing in this client's library, in words (they come from a caller, not a screen). */
    public void requireInLibrary(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return;
        }
        Set<Long> known = Set.copyOf(em.createNamedQuery("MediaFile.ids", Long.class).setParameter("ids", mediaIds)
                .getResultList());
        List<Long> unknown = mediaIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation("Media " + unknown + " are not in this client's library. Upload them on the Media "
                    + "screen first; list the library with GET /clients/{client}/media.");
        }
    }

    /** Replaces a variant's media with the given ones, in order; every id must be in this tenant's library. */
    public void attach(Variant variant, List<Long> mediaIds) {
        em.createNamedQuery("VariantMedia.ofVariant", VariantMedia.class).setParameter("variantId", variant.getId())
                .getResultList().forEach(em::remove);
        em.flush();
        int position = 0;
        for (long mediaId : mediaIds.stream().distinct().toList()) {
            em.persist(new VariantMedia(variant.getId(), find(mediaId).getId(), position++));
        }
    }
}
