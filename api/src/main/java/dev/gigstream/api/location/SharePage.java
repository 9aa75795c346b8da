package dev.gigstream.api.location;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page behind a share link ({@code /share/{token}}): one static document, the same for every
 * token, with its style and script inline. The script reads the token from the address, asks
 * {@code /api/v1/location-shares/{token}} every 30 seconds and shows the answer with
 * {@code textContent} only. The {@link #CONTENT_SECURITY_POLICY} allows nothing but that style and
 * that script (by their SHA-256) and calls to this origin; no outside script, font or style.
 */
final class SharePage {

    static final String STYLE = """
            :root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--text:#16181d;--muted:#5d6470;--line:#e3e6ea;\
            --accent:#0b7a53;--accent-text:#fff;--warn:#9a3412;--warn-bg:#fff4ed}
            @media (prefers-color-scheme:dark){:root{--bg:#111316;--card:#1b1e23;--text:#eef0f3;--muted:#a2a9b4;\
            --line:#2c3038;--accent:#34c28b;--accent-text:#0b1410;--warn:#fdba74;--warn-bg:#2a1a10}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
            "Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
            main{max-width:28rem;margin:0 auto;padding:max(1rem,env(safe-area-inset-top)) 1rem 2rem}
            header{display:flex;align-items:center;justify-content:space-between;margin:.25rem 0 1rem}
            .brand{font-weight:700;letter-spacing:.01em}
            .pill{font-size:.8rem;font-weight:600;padding:.15rem .6rem;border-radius:999px;background:var(--line);color:var(--muted)}
            .pill.live{background:var(--accent);color:var(--accent-text)}
            .card{background:var(--card);border:1px solid var(--line);border-radius:1rem;padding:1.25rem;\
            box-shadow:0 1px 2px rgba(0,0,0,.05)}
            h1{font-size:1.35rem;line-height:1.25;margin:0 0 .25rem}
            .job{color:var(--muted);margin:0 0 1rem}
            dl{margin:0 0 1.25rem;display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem}
            dt{color:var(--muted)}
            dd{margin:0;font-weight:600;text-align:right;overflow-wrap:anywhere}
            .button{display:block;text-align:center;text-decoration:none;font-weight:700;padding:.9rem 1rem;\
            border-radius:.75rem;background:var(--accent);color:var(--accent-text)}
            .button[aria-disabled=true]{background:var(--line);color:var(--muted);pointer-events:none}
            .note{font-size:.85rem;color:var(--muted);margin:1rem 0 0;text-align:center}
            .message{margin:0}
            .message.problem{color:var(--warn);background:var(--warn-bg);border-radius:.75rem;padding:1rem}
            [hidden]{display:none!important}
            """;

    static final String SCRIPT = """
            (function () {
              'use strict';
              var token = window.location.pathname.split('/').pop();
              var timer = null;
              function el(id) { return document.getElementById(id); }
              function when(iso) {
                return new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
              }
              function ago(iso) {
                var seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
                if (seconds < 60) { return 'just now'; }
                var minutes = Math.round(seconds / 60);
                if (minutes < 60) { return minutes + (minutes === 1 ? ' minute ago' : ' minutes ago'); }
                var hours = Math.round(minutes / 60);
                return hours + (hours === 1 ? ' hour ago' : ' hours ago');
              }
              function message(text, problem) {
                el('details').hidden = true;
                el('message').hidden = false;
                el('message').textContent = text;
                el('message').className = problem ? 'message problem' : 'message';
              }
              function ended(text) {
                if (timer !== null) { clearInterval(timer); timer = null; }
                el('live').textContent = 'Ended';
                el('live').className = 'pill';
                message(text, true);
              }
              function render(view) {
                var name = view.workerFirstName || 'Your worker';
                document.title = name + '\\u2019s live location \\u00b7 Gigstream';
                el('worker').textContent = name + '\\u2019s live location';
                el('job').textContent = view.jobTitle || '';
                el('expires').textContent = when(view.expiresAt);
                var map = el('map');
                var point = view.lastLocation;
                if (point && typeof point.lat === 'number' && typeof point.lng === 'number') {
                  el('seen').textContent = ago(point.at) + ' (' + when(point.at) + ')';
                  el('coords').textContent = point.lat.toFixed(5) + ', ' + point.lng.toFixed(5);
                  map.href = 'https://www.google.com/maps/search/?api=1&query=' + point.lat + ',' + point.lng;
                  map.removeAttribute('aria-disabled');
                  map.textContent = 'Open in Google Maps';
                } else {
                  el('seen').textContent = 'No location yet';
                  el('coords').textContent = '\\u2014';
                  map.removeAttribute('href');
                  map.setAttribute('aria-disabled', 'true');
                  map.textContent = 'Waiting for the first location';
                }
                el('updated').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
                el('live').textContent = 'Live';
                el('live').className = 'pill live';
                el('message').hidden = true;
                el('details').hidden = false;
              }
              function refresh() {
                fetch('/api/v1/location-shares/' + encodeURIComponent(token),
                      { headers: { 'Accept': 'application/json' }, cache: 'no-store', credentials: 'omit' })
                  .then(function (response) {
                    if (response.ok) { return response.json().then(render); }
                    if (response.status === 410) {
                      return ended('This link has expired or the worker turned it off. Their location is no longer shared.');
                    }
                    if (response.status === 404) {
                      return ended('This link is not valid. Check that you have the whole address.');
                    }
                    if (el('details').hidden) { message('Could not load the location just now; trying again shortly.', true); }
                  })
                  .catch(function () {
                    if (el('details').hidden) { message('No connection; trying again shortly.', true); }
                  });
              }
              refresh();
              timer = setInterval(refresh, 30000);
            })();
            """;

    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="robots" content="noindex, nofollow">
            <meta name="referrer" content="no-referrer">
            <title>Live location · Gigstream</title>
            <style>%s</style>
            </head>
            <body>
            <main>
            <header><span class="brand">Gigstream</span><span id="live" class="pill">Loading</span></header>
            <section class="card" aria-live="polite">
            <p id="message" class="message">Loading the location…</p>
            <div id="details" hidden>
            <h1 id="worker"></h1>
            <p id="job" class="job"></p>
            <dl>
            <dt>Last seen</dt><dd id="seen"></dd>
            <dt>Position</dt><dd id="coords"></dd>
            <dt>Link expires</dt><dd id="expires"></dd>
            </dl>
            <a id="map" class="button" target="_blank" rel="noopener noreferrer">Open in Google Maps</a>
            <p class="note">Updates every 30 seconds · last checked <span id="updated"></span></p>
            </div>
            </section>
            <p class="note">Shared by a Gigstream worker for their safety during a shift.</p>
            </main>
            <script>%s</script>
            </body>
            </html>
            """.formatted(STYLE, SCRIPT);

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
            + sha256(STYLE) + "'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SharePage() {
    }

    /** A CSP source expression for exactly this inline content. */
    static String sha256(String inline) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
