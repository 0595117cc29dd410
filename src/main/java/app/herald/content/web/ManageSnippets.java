package app.herald.content.web;

import app.herald.content.application.Snippets;
import app.herald.content.domain.Snippet;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A client's saved snippets and hashtag groups (/client/snippets.xhtml?client=ID). */
@Named
@ViewScoped
public class ManageSnippets implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Snippets snippets;

    private List<Snippet> list;
    private Snippet.Kind kind = Snippet.Kind.HASHTAGS;
    private String name;
    private String body;

    public void open() {
        if (!access.open()) {
            return;
        }
        if (!access.enter().writesContent()) {
            Pages.notFound();
            return;
        }
        list = snippets.all();
    }

    public void add() {
        if (Feedback.attempt(() -> snippets.save(access.enter(), kind, name, body), "Saved \"" + name + "\".")) {
            name = null;
            body = null;
        }
        list = snippets.all();
    }

    public void delete(Snippet snippet) {
        Feedback.attempt(() -> snippets.delete(access.enter(), snippet.getId()), "Deleted \"" + snippet.getName() + "\".");
        list = snippets.all();
    }

    public Snippet.Kind[] getKinds() {
        return Snippet.Kind.values();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<Snippet> getList() {
        return list;
    }

    public Snippet.Kind getKind() {
        return kind;
    }

    public void setKind(Snippet.Kind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
