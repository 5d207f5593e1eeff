// Household rows without a round trip: "+ more rows" copies the blank row of <template data-member-template>
// (its "__i__" becomes the next index, so the list binds as Members[0..n]). Without script the button posts
// to ?handler=MoreRows, which renders the same form with more blank rows.
(function () {
    'use strict';
    document.querySelectorAll('[data-member-rows]').forEach(function (rows) {
        var fieldset = rows.parentElement;
        var template = fieldset.querySelector('template[data-member-template]');
        var button = fieldset.querySelector('[data-testid=more-rows]');
        if (!template || !button) {
            return;
        }

        var max = parseInt(rows.getAttribute('data-max-rows'), 10) || 30;
        var count = function () { return rows.querySelectorAll('[data-member-row]').length; };
        var update = function () { button.disabled = count() >= max; };

        button.addEventListener('click', function (event) {
            event.preventDefault();
            var index = count();
            if (index >= max) {
                return;
            }

            rows.insertAdjacentHTML('beforeend', template.innerHTML.split('__i__').join(String(index)));
            var added = rows.querySelector('[data-member-row="' + index + '"] input');
            if (added) {
                added.focus();
            }

            update();
        });
        update();
    });
})();
