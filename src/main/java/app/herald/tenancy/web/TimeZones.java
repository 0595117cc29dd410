package app.herald.tenancy.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.List;

/** IANA region zones to choose a client's time zone from; offsets and abbreviations are left out on purpose. */
@Named
@ApplicationScoped
public class TimeZones {

    private final List<String> regions = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    public List<String> getRegions() {
        return regions;
    }
}
