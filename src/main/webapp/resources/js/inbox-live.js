// The open inbox asks the server every second whether anything came in (/inbox/mark, ADR 0023) and only when the
// answer moved has Faces show the list, and the open conversation, again. It asks nothing while the tab is hidden,
// and stops when the answer is no longer the mark (signed out, or no longer let in).
(function () {
    'use strict';
    var EVERY_MILLIS = 1000;

    function start() {
        var holder = document.getElementById('inboxLive');
        if (!holder) {
            return;
        }
        var url = holder.getAttribute('data-url');
        var mark = holder.getAttribute('data-mark');
        var asking = false;
        var timer = null;

        function moved() {
            if (typeof window.heraldInboxMoved === 'function') {
                window.heraldInboxMoved();
            }
            if (typeof window.heraldThreadMoved === 'function') {
                window.heraldThreadMoved();
            }
        }

        function ask() {
            if (asking || document.hidden) {
                return;
            }
            asking = true;
            fetch(url, {credentials: 'same-origin', cache: 'no-store', redirect: 'manual'})
                .then(function (response) {
                    var type = response.headers.get('Content-Type') || '';
                    if (!response.ok || type.indexOf('text/plain') !== 0) {
                        clearInterval(timer);
                        return null;
                    }
                    return response.text();
                })
                .then(function (latest) {
                    if (latest !== null && latest !== mark) {
                        mark = latest;
                        moved();
                    }
                })
                .catch(function () {
                    // Offline for a moment: the next tick asks again.
                })
                .then(function () {
                    asking = false;
                });
        }

        timer = setInterval(ask, EVERY_MILLIS);
        document.addEventListener('visibilitychange', ask);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
