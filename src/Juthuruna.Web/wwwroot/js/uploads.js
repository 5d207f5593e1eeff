// A file larger than its field allows (data-max-bytes, set on every file field by FileInputTagHelper) is refused
// when it is chosen: the browser shows the size message at the field and will not send the form, so nothing typed
// is lost and no large body is uploaded only to be refused. The server checks again whatever arrives.
document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) {
        return;
    }

    const max = Number(input.dataset.maxBytes);
    const tooLarge = Array.from(input.files || []).some((file) => file.size > max);
    input.setCustomValidity(tooLarge ? input.dataset.tooLarge || '' : '');
    if (tooLarge) {
        input.reportValidity();
    }
});
