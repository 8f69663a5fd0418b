// HallOps page script: starts Blazor with a reconnection handler that never needs a human, and
// drives the wall screen's clock and freshness line. No request leaves the site.
(() => {
    const root = document.documentElement;
    const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
    let down = false;

    function setConnection(state) {
        root.dataset.connection = state;
        const banner = document.getElementById('hall-connection');
        if (banner) {
            banner.hidden = state === 'up';
            banner.textContent = state === 'reloading' ? banner.dataset.reloading : banner.dataset.down;
        }
    }

    async function serverAnswers() {
        try {
            await fetch('/health', { cache: 'no-store' });
            return true; // any answer, even 503, means the server is back
        } catch {
            return false;
        }
    }

    // The circuit is gone (server restarted, or it was dropped): reload as soon as the server answers.
    async function reloadWhenServerAnswers() {
        setConnection('reloading');
        while (!(await serverAnswers())) {
            await sleep(2000);
        }
        location.reload();
    }

    // Retries for as long as it takes: a wall screen has nobody to press "retry".
    async function recover() {
        let delay = 500;
        while (down) {
            await sleep(delay);
            try {
                if (await Blazor.reconnect()) {
                    down = false;
                    setConnection('up');
                    return;
                }
                await reloadWhenServerAnswers();
                return;
            } catch {
                // The server did not answer: try again.
            }
            delay = Math.min(delay * 2, 4000);
        }
    }

    Blazor.start({
        circuit: {
            circuitHandlers: [{
                onCircuitOpened: () => setConnection('up'),
                onCircuitClosed: () => setConnection('down'),
            }],
            reconnectionHandler: {
                onConnectionDown: () => {
                    if (!down) {
                        down = true;
                        setConnection('down');
                        recover();
                    }
                },
                onConnectionUp: () => {
                    down = false;
                    setConnection('up');
                },
            },
        },
    });

    // A kiosk page whose circuit failed with an error reloads itself instead of showing a dead page.
    const errorUi = document.getElementById('blazor-error-ui');
    if (errorUi) {
        new MutationObserver(() => {
            if (document.querySelector('.wall') && getComputedStyle(errorUi).display !== 'none') {
                reloadWhenServerAnswers();
            }
        }).observe(errorUi, { attributes: true, attributeFilter: ['style'] });
    }

    // Wall screen: clock in the hall's time zone (server time), and how fresh the data is.
    let lastStamp = null;
    let lastStampAt = Date.now();
    let skew = 0;
    const formats = new Map();

    function format(locale, zone, options) {
        const key = locale + zone + JSON.stringify(options);
        if (!formats.has(key)) {
            formats.set(key, new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }));
        }
        return formats.get(key);
    }

    // Writes only what changed: every write makes the page lay out and paint again, on every
    // wall, twice a second.
    function setText(element, text) {
        if (element.textContent !== text) {
            element.textContent = text;
        }
    }

    function tick() {
        const wall = document.querySelector('.wall');
        if (!wall) {
            return;
        }
        const fresh = document.getElementById('wall-fresh');
        if (fresh && fresh.dataset.serverNow !== lastStamp) {
            lastStamp = fresh.dataset.serverNow;
            lastStampAt = Date.now();
            skew = Number(lastStamp) - Date.now();
        }
        const now = new Date(Date.now() + skew);
        const locale = wall.dataset.locale || 'zh-CN';
        const zone = wall.dataset.zone || 'Asia/Shanghai';
        const clock = document.getElementById('wall-clock');
        if (clock) {
            const date = format(locale, zone, { year: 'numeric', month: 'long', day: 'numeric' }).format(now)
                + ' ' + format(locale, zone, { weekday: 'long' }).format(now);
            const time = format(locale, zone, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(now);
            let d = clock.querySelector('.wall-date');
            let t = clock.querySelector('.wall-time');
            if (!d || !t) {
                clock.innerHTML = '';
                d = document.createElement('span');
                d.className = 'wall-date';
                t = document.createElement('span');
                t.className = 'wall-time';
                clock.append(d, t);
            }
            setText(d, date);
            setText(t, time);
        }
        const age = Math.max(0, Math.floor((Date.now() - lastStampAt) / 1000));
        const ageText = fresh?.querySelector('.wall-age');
        if (ageText) {
            setText(ageText, (ageText.dataset.template || '{0}').replace('{0}', age));
        }
        root.classList.toggle('wall-is-stale', age > 60);
        // TL5: time left until a case's due time, or how long it has been overdue.
        for (const item of document.querySelectorAll('.wall-case-time')) {
            const ms = Number(item.dataset.due) - (Date.now() + skew);
            const minutes = Math.floor(Math.abs(ms) / 60000);
            const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
            const span = d > 0 ? item.dataset.days.replace('{0}', d).replace('{1}', h)
                : h > 0 ? item.dataset.hours.replace('{0}', h).replace('{1}', m)
                : item.dataset.minutes.replace('{0}', m);
            setText(item, (ms <= 0 ? item.dataset.overdue : item.dataset.left).replace('{0}', span));
        }
        for (const item of document.querySelectorAll('.wall-alert-age')) {
            const minutes = Math.max(0, Math.floor((Date.now() + skew - Number(item.dataset.since)) / 60000));
            setText(item, (item.dataset.template || '{0}').replace('{0}', minutes));
        }
    }

    setInterval(tick, 500);
    document.addEventListener('DOMContentLoaded', tick);

    // Wall screen: a list longer than its panel ([data-fit]: the alerts, the red and yellow cases)
    // shows whole lines only, from the top, and "N more" ([data-fit-more], a template with {0}) for
    // the rest of data-fit-total, instead of a line cut in half at the panel's edge. The panel's
    // height comes from the screen's layout, so this is measured here, whenever a list changes.
    function fit(box) {
        const items = [...box.querySelectorAll('[data-fit-item]')];
        const more = box.querySelector('[data-fit-more]');
        const total = Math.max(Number(box.dataset.fitTotal) || 0, items.length);
        let shown = items.length;
        const sayMore = () => {
            if (more) {
                setText(more, total > shown ? more.dataset.fitMore.replace('{0}', total - shown) : '');
            }
        };
        for (const item of items) {
            item.hidden = false;
        }
        sayMore();
        while (shown > 0 && box.scrollHeight > box.clientHeight + 1) {
            items[--shown].hidden = true;
            sayMore();
        }
    }

    let fitQueued = false;
    function fitAll() {
        fitQueued = false;
        for (const box of document.querySelectorAll('[data-fit]')) {
            fit(box);
        }
        // What fit() itself wrote is not a change to fit again.
        fitObserver.takeRecords();
    }
    function queueFit() {
        if (!fitQueued) {
            fitQueued = true;
            requestAnimationFrame(fitAll);
        }
    }
    const inList = node => {
        const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
        return !!element?.closest('[data-fit]') && !element.closest('[data-fit-more]');
    };
    const fitObserver = new MutationObserver(records => {
        if (records.some(record => inList(record.target) || [...record.addedNodes].some(node => node.nodeType === Node.ELEMENT_NODE && (node.matches('[data-fit]') || node.querySelector('[data-fit]'))))) {
            queueFit();
        }
    });
    fitObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
    window.addEventListener('resize', queueFit);
    // The hall's fonts arrive after the first layout and change every line's height.
    document.fonts?.addEventListener('loadingdone', queueFit);
    document.fonts?.ready.then(queueFit);
    document.addEventListener('DOMContentLoaded', queueFit);
    queueFit();
})();
