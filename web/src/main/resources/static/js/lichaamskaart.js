// The body map's figures are a shortcut only: a tap on a part fills in "Plek kiezen" (region, view, side) of the
// mark still without a place, or adds a mark with that place through the same form post as "Markering toevoegen".
// Without this script the region lists do everything.
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var part = event.target.closest ? event.target.closest('.meldspoor-bodymap__part') : null;
        if (!part) {
            return;
        }
        var form = part.closest('form');
        var open = null;
        form.querySelectorAll('[data-markering]').forEach(function (mark) {
            if (!mark.querySelector('[data-rol="plek"]').value) {
                open = open || mark;
            }
        });
        var place = {plek: part.getAttribute('data-plek'), aanzicht: part.getAttribute('data-aanzicht'), zijde: part.getAttribute('data-zijde')};
        if (open) {
            Object.keys(place).forEach(function (role) {
                open.querySelector('[data-rol="' + role + '"]').value = place[role];
            });
            open.querySelector('[data-rol="plek"]').focus();
            return;
        }
        form.querySelector('[name="nieuwePlek"]').value = place.plek;
        form.querySelector('[name="nieuwAanzicht"]').value = place.aanzicht;
        form.querySelector('[name="nieuweZijde"]').value = place.zijde;
        form.querySelector('#markering-toevoegen').click();
    });
}());
