/*
 * Herald click keeper, for a client's own site. Herald's short links send visitors here with "hclid" in the address;
 * this script keeps the latest one in a first-party cookie for the attribution window (7 days), so the site's server
 * can send it with a conversion (see docs/analytics.md). It calls nobody and reads nothing else.
 */
(function () {
    var days = 7;
    var match = /[?&]hclid=([0-9a-f]{32})(?:&|#|$)/.exec(window.location.search + window.location.hash);
    if (match) {
        var expires = new Date(Date.now() + days * 864e5).toUTCString();
        document.cookie = "herald_click=" + match[1] + "; expires=" + expires + "; path=/; SameSite=Lax"
            + (window.location.protocol === "https:" ? "; Secure" : "");
    }
    window.heraldClick = function () {
        var found = /(?:^|;\s*)herald_click=([0-9a-f]{32})/.exec(document.cookie);
        return found ? found[1] : null;
    };
})();
