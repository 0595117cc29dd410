package app.herald.publishing.application;

import app.herald.content.domain.Channel;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.mail.application.Mail;
import app.herald.kernel.web.PublicAddress;
import app.herald.publishing.domain.Publication;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells the author and the tenant's owners and managers when a publication failed and needs a person. Best effort,
 * like every mail of Herald's: the failure is also on the post and in the "needs attention" list.
 */
@ApplicationScoped
public class PublishingNotifications {


    @Inject
    Actors actors;
    @Inject
    Mail mailer;
    @Inject
    PublicAddress address;
    @Inject
    TenantContext context;

    public void failed(Post post, Channel channel, Publication publication) {
        TenantRef tenant = context.current();
        Set<Long> readers = new TreeSet<>(actors.runnersOf(tenant.agencyId(), tenant.id()));
        readers.add(post.getAuthorId());
        String link = address.link("/client/post.xhtml?client=" + tenant.id() + "&post=" + post.getId());
        for (long reader : readers) {
            actors.activeUser(reader).ifPresent(user -> mailer.send(user.getEmail(),
                    "Not published: " + post.getTitle() + " on " + channel.label(),
                    "Hello " + user.getDisplayName() + ",\n\n\"" + post.getTitle() + "\" for " + tenant.name()
                            + " could not be published on " + channel.label() + ":\n\n  "
                            + publication.getReason() + "\n\nRetry, reschedule or cancel it here:\n" + link + "\n"));
        }
    }
}
