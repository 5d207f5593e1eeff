// A live "typed / limit" count under every text area that has a limit (its maxlength, written from the limit the
// server enforces). maxlength would cut a pasted text silently, so the script lifts it and lets the server refuse a
// longer text with a message naming the limit; without script, maxlength still keeps the text within the limit.
(function () {
    'use strict';
    document.querySelectorAll('textarea[maxlength]').forEach(function (area) {
        var max = parseInt(area.getAttribute('maxlength'), 10);
        if (!(max > 0)) {
            return;
        }

        area.removeAttribute('maxlength');
        area.setAttribute('data-limit', String(max));
        var counter = document.createElement('div');
        counter.className = 'form-text text-counter';
        counter.setAttribute('data-testid', 'text-counter');
        counter.id = (area.id || area.name || 'text') + '-counter';
        var described = area.getAttribute('aria-describedby');
        area.setAttribute('aria-describedby', described ? described + ' ' + counter.id : counter.id);
        // "120 / 2000" keeps its order in right-to-left text only inside a left-to-right span.
        var count = document.createElement('span');
        count.setAttribute('dir', 'ltr');
        counter.appendChild(count);
        area.insertAdjacentElement('afterend', counter);

        var update = function () {
            var length = area.value.length;
            count.textContent = length + ' / ' + max;
            counter.classList.toggle('text-danger', length > max);
            counter.classList.toggle('fw-bold', length > max);
        };
        area.addEventListener('input', update);
        update();
    });
})();
