// The time-out warning (UI.md checklist): two minutes before the session ends, say so and offer "Ingelogd blijven".
// The server renders the remaining time into the page; without this script nothing is shown and nothing breaks.
(function () {
    'use strict';
    var timers = [];

    function clear() {
        timers.forEach(clearTimeout);
        timers = [];
    }

    function schedule(region, seconds, warnAt) {
        clear();
        var message = region.querySelector('[data-sessie-melding]');
        var form = region.querySelector('form');
        timers.push(setTimeout(function () {
            form.hidden = false;
            // the live region exists from the start, so filling it is announced by screen readers
            message.textContent = region.getAttribute('data-warning');
        }, warnAt * 1000));
        timers.push(setTimeout(function () {
            form.hidden = true;
            message.textContent = region.getAttribute('data-expired');
        }, seconds * 1000));
    }

    function init() {
        var region = document.getElementById('sessie-waarschuwing');
        if (!region) {
            clear();
            return;
        }
        var seconds = parseInt(region.getAttribute('data-seconds'), 10);
        var warnAt = parseInt(region.getAttribute('data-warn-at'), 10);
        if (isNaN(seconds) || isNaN(warnAt)) {
            return;
        }
        schedule(region, seconds, warnAt);
        var form = region.querySelector('form');
        if (form.getAttribute('data-bound')) {
            return;
        }
        form.setAttribute('data-bound', 'true');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            fetch(form.action, {
                method: 'POST',
                body: new URLSearchParams(new FormData(form)),
                credentials: 'same-origin',
                headers: {'X-Meldspoor-Keep-Alive': 'true', 'Accept': 'application/json'}
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error('keep-alive ' + response.status);
                }
                return response.json();
            }).then(function (timeout) {
                form.hidden = true;
                region.querySelector('[data-sessie-melding]').textContent = region.getAttribute('data-extended');
                schedule(region, timeout.seconds, timeout.warnAtSeconds);
            }).catch(function () {
                // the plain form does the same with a page load
                form.submit();
            });
        });
    }

    document.addEventListener('DOMContentLoaded', init);
    // boosted navigation (htmx) swaps the body: a new page brings a new remaining time
    document.addEventListener('htmx:afterSettle', init);
})();
