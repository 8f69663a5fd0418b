// The public window board on /hall (AP5, SC2.5): asks /hall/board.json every few seconds and
// updates each window's state and who is serving there, without a reload. No request leaves the site.
(() => {
    const board = document.getElementById('hall-board');
    if (!board || board.dataset.polling) {
        return;
    }
    board.dataset.polling = 'true';
    const text = board.dataset;
    const every = Math.max(2, Number(text.interval) || 5) * 1000;
    const status = board.querySelector('.hall-board-status');
    const openNow = document.querySelector('.hall-open-now');
    const stateText = { open: text.textOpen, paused: text.textPaused, closed: text.textClosed };
    const format = (pattern, ...args) => pattern.replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
    const clock = new Intl.DateTimeFormat(text.lang || undefined, {
        timeZone: text.zone || undefined, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
    });

    function show(data) {
        for (const item of data.windows) {
            const card = board.querySelector(`.hall-window[data-window="${item.number}"]`);
            if (!card) {
                continue;
            }
            card.dataset.state = item.state;
            card.querySelector('.hall-window-state').textContent = stateText[item.state] ?? '';
            card.querySelector('.hall-window-help').hidden = item.state !== 'paused';
            const staff = card.querySelector('.hall-window-staff');
            const serving = item.state === 'open' && !!item.staff;
            staff.textContent = serving ? format(text.textOnPost, item.staff, item.staffNumber ?? '') : '';
            staff.hidden = !serving;
        }
        if (openNow) {
            openNow.dataset.open = data.open ? 'true' : 'false';
            openNow.textContent = data.open ? text.textOpenNow : text.textClosedNow;
        }
        board.dataset.fresh = 'true';
        status.textContent = format(text.textUpdated, clock.format(new Date(data.at)));
    }

    async function refresh() {
        try {
            const response = await fetch(text.source, { cache: 'no-store', credentials: 'omit' });
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            show(await response.json());
        } catch {
            board.dataset.fresh = 'false';
            status.textContent = text.textStale;
        }
    }

    setInterval(refresh, every);
})();
