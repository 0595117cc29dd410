package app.herald.content.web;

import app.herald.content.application.Channels;
import app.herald.content.application.PostingQueue;
import app.herald.content.domain.Channel;
import app.herald.content.domain.ChannelSlot;
import app.herald.content.domain.PostingSlot;
import app.herald.content.domain.Network;
import app.herald.kernel.web.DateFields;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
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
    @Inject
    PostingQueue queue;

    private List<Channel> list;
    private Network network = Network.SANDBOX;
    private String handle;
    private String displayName;
    private Long slotChannel;
    private DayOfWeek slotDay = DayOfWeek.MONDAY;
    private String slotTime = "09:00";

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

    public List<ChannelSlot> slotsOf(Channel channel) {
        return queue.slotsOf(channel.getId());
    }

    public void addSlot() {
        Feedback.attempt(() -> {
            LocalTime time = DateFields.timeOfDay("The time", slotTime);
            queue.addSlot(access.enter(), slotChannel, new PostingSlot(slotDay, time));
        }, "Slot added.");
    }

    public void removeSlot(ChannelSlot slot) {
        Feedback.attempt(() -> queue.removeSlot(access.enter(), slot.getId()), "Slot removed.");
    }


    public DayOfWeek[] getDays() {
        return DayOfWeek.values();
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

    public Long getSlotChannel() {
        return slotChannel;
    }

    public void setSlotChannel(Long slotChannel) {
        this.slotChannel = slotChannel;
    }

    public DayOfWeek getSlotDay() {
        return slotDay;
    }

    public void setSlotDay(DayOfWeek slotDay) {
        this.slotDay = slotDay;
    }

    public String getSlotTime() {
        return slotTime;
    }

    public void setSlotTime(String slotTime) {
        this.slotTime = slotTime;
    }
}
