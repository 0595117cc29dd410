package app.herald.content.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.platform.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A client's channels (/client/channels.xhtml?client=ID): the list, and adding one by hand. */
@Named
@ViewScoped
public class ManageChannels implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Channels channels;

    private List<Channel> list;
    private Network network = Network.SANDBOX;
    private String handle;
    private String displayName;

    public void open() {
        if (access.open()) {
            list = channels.all();
        }
    }

    public void add() {
        if (Feedback.attempt(() -> channels.add(access.enter(), network, handle, displayName),
                "Channel " + handle + " added.")) {
            handle = null;
            displayName = null;
        }
        list = channels.all();
    }

    public Network[] getNetworks() {
        return Network.values();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<Channel> getList() {
        return list;
    }

    public Network getNetwork() {
        return network;
    }

    public void setNetwork(Network network) {
        this.network = network;
    }

    public String getHandle() {
        return handle;
    }

    public void setHandle(String handle) {
        this.handle = handle;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
