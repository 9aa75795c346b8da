/*
 * The Gigstream admin dashboard: plain JavaScript against the REST API and the STOMP WebSocket, no
 * outside code. Every value from the server is shown with textContent, never parsed as HTML. The
 * access token lives in memory only; a reload asks to sign in again.
 */
(function () {
  'use strict';

  var session = null; // {accessToken, refreshToken, email}
  var live = null;
  var refreshTimer = null;
  var currentTab = 'overview';

  function el(id) { return document.getElementById(id); }

  function make(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function when(iso) {
    if (!iso) { return '–'; }
    return new Date(iso).toLocaleString([], { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  function short(id) { return id ? String(id).slice(0, 8) : '–'; }

  var MINOR_UNITS = { NGN: 100, GHS: 100 };

  function money(m) {
    if (m === null || m === undefined) { return '–'; }
    if (Array.isArray(m)) { // one entry per currency: show those with money, or the first when all are zero
      var some = m.filter(function (x) { return Number(x.amount) !== 0; });
      return (some.length ? some : m.slice(0, 1)).map(money).join(' · ') || '0';
    }
    if (typeof m === 'object' && 'amount' in m && 'currency' in m) {
      var unit = MINOR_UNITS[m.currency] || 100;
      return m.currency + ' ' + (Number(m.amount) / unit).toLocaleString([], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    if (typeof m === 'object') { // {NGN: 1200, GHS: 0} in minor units
      var parts = Object.keys(m).map(function (currency) { return money({ amount: m[currency], currency: currency }); });
      return parts.length ? parts.join(' · ') : '0';
    }
    return String(m);
  }

  function toast(text, bad) {
    var t = el('toast');
    t.textContent = text;
    t.className = bad ? 'toast bad' : 'toast';
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.hidden = true; }, 4000);
  }

  function Problem(status, body) {
    this.status = status;
    this.code = body && body.code;
    this.message = (body && (body.detail || body.title)) || ('HTTP ' + status);
    if (body && Array.isArray(body.errors) && body.errors.length) {
      this.message += ': ' + body.errors.map(function (e) { return e.field + ' ' + e.message; }).join(', ');
    }
  }

  async function request(method, path, body, raw) {
    var response = await send(method, path, body);
    if (response.status === 401 && session && session.refreshToken && await refresh()) {
      response = await send(method, path, body);
    }
    if (response.status === 401) {
      signOut('Your session ended; sign in again.');
      throw new Problem(401, null);
    }
    if (!response.ok) {
      var problem = null;
      try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
      throw new Problem(response.status, problem);
    }
    if (raw) { return response; }
    var text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  function send(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (session) { headers.Authorization = 'Bearer ' + session.accessToken; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  async function refresh() {
    var response = await fetch('/api/v1/auth/refresh', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken })
    });
    if (!response.ok) { return false; }
    var tokens = await response.json();
    session.accessToken = tokens.accessToken;
    session.refreshToken = tokens.refreshToken;
    return true;
  }

  function items(answer) { return Array.isArray(answer) ? answer : (answer && answer.items) || []; }

  // ---- sign in and out -------------------------------------------------------------------------

  el('signin-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var error = el('signin-error');
    error.hidden = true;
    el('signin-button').disabled = true;
    try {
      var response = await fetch('/api/v1/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: el('email').value, password: el('password').value })
      });
      var body = await response.json();
      if (!response.ok) { throw new Problem(response.status, body); }
      session = { accessToken: body.accessToken, refreshToken: body.refreshToken, email: el('email').value };
      var me = await request('GET', '/api/v1/me');
      if (me.role !== 'ADMIN') {
        session = null;
        throw new Problem(403, { detail: 'This page is for admins; ' + me.role + ' accounts use the apps.' });
      }
      el('password').value = '';
      el('who').textContent = me.email;
      el('signin').hidden = true;
      el('app').hidden = false;
      connectLive();
      loadAll();
      refreshTimer = setInterval(loadAll, 15000);
    } catch (e) {
      error.textContent = e.message || 'Could not sign in';
      error.hidden = false;
    } finally {
      el('signin-button').disabled = false;
    }
  });

  el('signout').addEventListener('click', function () {
    if (session) {
      fetch('/api/v1/auth/logout', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.accessToken },
        body: JSON.stringify({ refreshToken: session.refreshToken })
      }).catch(function () { /* signing out locally is enough */ });
    }
    signOut();
  });

  function signOut(message) {
    session = null;
    clearInterval(refreshTimer);
    if (live) { live.close(); live = null; }
    el('app').hidden = true;
    el('signin').hidden = false;
    if (message) {
      el('signin-error').textContent = message;
      el('signin-error').hidden = false;
    }
  }

  // ---- tabs ------------------------------------------------------------------------------------

  el('tabs').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-tab]');
    if (!button) { return; }
    currentTab = button.getAttribute('data-tab');
    document.querySelectorAll('#tabs button').forEach(function (b) { b.setAttribute('aria-selected', String(b === button)); });
    document.querySelectorAll('.tab').forEach(function (section) { section.hidden = section.id !== 'tab-' + currentTab; });
    loadAll();
  });

  function loadAll() {
    if (!session) { return; }
    var loads = [loadStats(), loadDisputes(), loadEscrows(), loadReports(), loadFlags()];
    if (currentTab === 'reports') { loads.push(loadSuspensions()); }
    if (currentTab === 'projections') { loads.push(loadProjections(), loadDeadLetters()); }
    loads.forEach(function (load) { load.catch(function (e) { if (e.status !== 401) { toast(e.message, true); } }); });
  }

  // ---- a small table helper ----------------------------------------------------------------------

  var rendered = {};

  /** Renders the rows into the table, unless they are what it shows already (keeps focus and buttons in place). */
  function fill(tableId, rows, cells, idAttribute) {
    var signature = JSON.stringify(rows);
    if (rendered[tableId] === signature) { return; }
    rendered[tableId] = signature;
    var body = el(tableId).querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      if (idAttribute) { tr.setAttribute(idAttribute[0], row[idAttribute[1]]); }
      cells(row).forEach(function (cell) { tr.appendChild(cell instanceof Node ? wrap(cell) : make('td', cell)); });
      body.appendChild(tr);
    });
    var empty = el(tableId + '-empty');
    if (empty) { empty.hidden = rows.length > 0; }
    el(tableId).hidden = rows.length === 0 && !!empty;
  }

  function wrap(node) {
    if (node.tagName === 'TD') { return node; }
    var td = document.createElement('td');
    td.appendChild(node);
    return td;
  }

  function actions() {
    var td = make('td', null, 'actions');
    Array.prototype.slice.call(arguments).forEach(function (b) { td.appendChild(b); });
    return td;
  }

  function button(text, className, onClick) {
    var b = make('button', text, className);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function count(id, n) { el(id).textContent = n ? String(n) : ''; }

  // ---- overview --------------------------------------------------------------------------------

  async function loadStats() {
    renderStats(await request('GET', '/api/v1/admin/stats'));
  }

  function renderStats(stats) {
    el('stat-open-disputes').textContent = stats.openDisputes;
    el('stat-active-workers').textContent = stats.activeWorkers;
    el('stat-escrow-held').textContent = money(stats.escrowHeld);
    el('stat-gross-volume').textContent = money(stats.grossVolume);
    el('stat-fees-earned').textContent = money(stats.feesEarned);
    if (stats.deliveries) { // only GET /admin/stats counts them; the live push leaves the last figures
      el('stat-push-failures').textContent = failures(stats.deliveries.push);
      el('stat-sms-failures').textContent = failures(stats.deliveries.sms);
    }
    var byStatus = stats.jobsByStatus || {};
    var statuses = Object.keys(byStatus);
    var max = Math.max.apply(null, [1].concat(statuses.map(function (s) { return byStatus[s]; })));
    var bars = el('jobs-by-status');
    bars.replaceChildren();
    statuses.forEach(function (status) {
      var bar = make('div', null, 'bar');
      bar.setAttribute('data-status', status);
      bar.appendChild(make('span', status.replace(/_/g, ' ').toLowerCase()));
      var track = make('div', null, 'track');
      var fillBar = make('div', null, 'fill');
      fillBar.style.width = (100 * byStatus[status] / max) + '%';
      track.appendChild(fillBar);
      bar.appendChild(track);
      bar.appendChild(make('span', byStatus[status], 'n'));
      bars.appendChild(bar);
    });
    if (!statuses.length) { bars.appendChild(make('p', 'No jobs yet.', 'empty')); }
    el('stats-updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
  }

  /** "4.0% of 50": the failed among the deliveries a provider was asked for, and how many those were. */
  function failures(counts) {
    var asked = counts.sent + counts.delivered + counts.failed;
    return (100 * counts.failureRate).toFixed(1) + '% of ' + asked;
  }

  // ---- disputes --------------------------------------------------------------------------------

  async function loadDisputes() {
    var disputes = items(await request('GET', '/api/v1/admin/disputes?status=OPEN'));
    count('count-disputes', disputes.length);
    fill('disputes', disputes, function (d) {
      var reason = make('td');
      reason.appendChild(make('div', d.reason));
      reason.appendChild(make('div', d.details, 'muted small'));
      var respond = make('td', when(d.respondBy));
      if (d.overdue) { respond.appendChild(make('span', ' overdue', 'chip warn')); }
      return [when(d.openedAt), make('span', short(d.jobId), 'mono'), (d.openerRole || '').toLowerCase(), reason,
        money(d.held), respond, actions(button('Resolve', 'primary resolve', function () { resolve(d); }))];
    }, ['data-dispute-id', 'disputeId']);
  }

  function resolve(d) {
    ask({
      title: 'Resolve the dispute',
      text: 'Job ' + short(d.jobId) + ': ' + d.reason + '. The pay is ' + money(d.pay) + '; the escrow holds ' + money(d.held) + '.',
      fields: [
        { id: 'outcome', label: 'Outcome', options: [['RELEASE_TO_WORKER', 'Release to the worker'],
          ['REFUND_TO_CLIENT', 'Refund the client'], ['SPLIT', 'Split']] },
        { id: 'share', label: 'Worker\u2019s share (' + (d.pay ? d.pay.currency : '') + ', minor units, for a split)', type: 'number' },
        { id: 'note', label: 'Note for the parties', textarea: true }
      ],
      confirm: 'Resolve',
      run: function (values) {
        var body = { outcome: values.outcome, note: values.note };
        if (values.outcome === 'SPLIT') { body.workerShare = { amount: Number(values.share), currency: d.pay.currency }; }
        return request('POST', '/api/v1/admin/disputes/' + encodeURIComponent(d.disputeId) + '/resolve', body);
      },
      done: 'Dispute resolved'
    });
  }

  // ---- escrows ---------------------------------------------------------------------------------

  async function loadEscrows() {
    var escrows = items(await request('GET', '/api/v1/admin/escrows?flagged=true'));
    count('count-escrows', escrows.length);
    fill('escrows', escrows, function (e) {
      var why = make('td');
      (e.reasons || []).forEach(function (r) { why.appendChild(make('span', r, 'chip warn')); why.appendChild(document.createTextNode(' ')); });
      var retry = e.pendingPayoutReference
        ? button('Retry payout', 'retry', function () {
          ask({ title: 'Retry the payout', text: 'The payout of escrow ' + short(e.escrowId) + ' is sent again, at most once.',
            fields: [], confirm: 'Retry',
            run: function () { return request('POST', '/api/v1/admin/escrows/' + encodeURIComponent(e.escrowId) + '/retry-payout'); },
            done: 'Payout retried' });
        }) : make('span', '', 'muted');
      return [make('span', short(e.escrowId), 'mono'), make('span', short(e.jobId), 'mono'), e.status, money(e.amount), why,
        when(e.updatedAt), actions(retry)];
    }, ['data-escrow-id', 'escrowId']);
  }

  // ---- reports and suspensions -----------------------------------------------------------------

  async function loadReports() {
    var reports = items(await request('GET', '/api/v1/admin/reports'));
    count('count-reports', reports.length);
    fill('reports', reports, function (r) {
      return [when(r.createdAt), r.subjectType.toLowerCase() + ' ' + short(r.subjectId), make('span', short(r.subjectUserId), 'mono'),
        r.reason, actions(
          button('Suspend user', 'danger suspend', function () { suspend(r.subjectUserId); }),
          button('Close', 'close', function () { closeReport(r); }))];
    }, ['data-report-id', 'reportId']);
  }

  function suspend(userId) {
    ask({
      title: 'Suspend the user',
      text: 'They are signed out everywhere at once, cannot sign in, apply, post or hire until reinstated. Their open reports are closed.',
      fields: [{ id: 'reason', label: 'Reason (recorded with your name)', textarea: true }],
      confirm: 'Suspend',
      run: function (values) {
        return request('POST', '/api/v1/admin/users/' + encodeURIComponent(userId) + '/suspend', { reason: values.reason });
      },
      done: 'User suspended'
    });
  }

  function closeReport(r) {
    ask({
      title: 'Close the report', text: r.reason, fields: [{ id: 'note', label: 'Note', textarea: true }], confirm: 'Close report',
      run: function (values) {
        return request('POST', '/api/v1/admin/reports/' + encodeURIComponent(r.reportId) + '/close', { note: values.note });
      },
      done: 'Report closed'
    });
  }

  async function loadSuspensions() {
    var suspended = items(await request('GET', '/api/v1/admin/suspensions'));
    fill('suspensions', suspended, function (s) {
      var who = make('td');
      who.appendChild(make('div', s.fullName));
      who.appendChild(make('div', s.email, 'muted small'));
      return [who, s.role.toLowerCase(), when(s.suspendedAt), s.reason, actions(button('Reinstate', 'reinstate', function () {
        ask({ title: 'Reinstate ' + s.fullName, text: 'They can sign in and use the platform again.',
          fields: [{ id: 'reason', label: 'Reason', textarea: true }], confirm: 'Reinstate',
          run: function (values) {
            return request('POST', '/api/v1/admin/users/' + encodeURIComponent(s.userId) + '/reinstate', { reason: values.reason });
          },
          done: 'User reinstated' });
      }))];
    }, ['data-user-id', 'userId']);
  }

  // ---- compliance ------------------------------------------------------------------------------

  el('flags-all').addEventListener('change', function () { loadFlags().catch(function (e) { toast(e.message, true); }); });

  async function loadFlags() {
    var all = items(await request('GET', '/api/v1/admin/compliance/flags'));
    var open = all.filter(function (f) { return !f.acknowledged; });
    count('count-flags', open.length);
    fill('flags', el('flags-all').checked ? all : open, function (f) {
      var subject = make('td');
      subject.appendChild(make('span', short(f.subjectId), 'mono'));
      if (f.details) { subject.appendChild(make('div', typeof f.details === 'string' ? f.details : JSON.stringify(f.details), 'muted small')); }
      var evidence = make('td', (f.evidence || []).length + ' event' + ((f.evidence || []).length === 1 ? '' : 's'));
      evidence.title = (f.evidence || []).join('\n');
      var act = f.acknowledged ? make('td', 'acknowledged', 'muted') : actions(button('Acknowledge', 'acknowledge', function () {
        ask({ title: 'Acknowledge the flag', text: f.rule, fields: [{ id: 'note', label: 'Note', textarea: true }], confirm: 'Acknowledge',
          run: function (values) {
            return request('POST', '/api/v1/admin/compliance/flags/' + encodeURIComponent(f.flagId) + '/acknowledge', { note: values.note });
          },
          done: 'Flag acknowledged' });
      }));
      return [when(f.raisedAt), make('span', String(f.rule).replace(/_/g, ' ').toLowerCase(), 'chip'), subject, evidence, act];
    }, ['data-flag-id', 'flagId']);
  }

  // ---- projections -----------------------------------------------------------------------------

  async function loadProjections() {
    var projections = items(await request('GET', '/api/v1/admin/projections'));
    fill('projections', projections, function (p) {
      return [make('span', p.name, 'mono'), make('td', p.position, 'num'), make('td', p.lag, 'num'),
        p.replaying ? make('span', 'replaying', 'chip warn') : make('span', 'live', 'chip'),
        actions(button('Replay', 'replay', function () {
          ask({ title: 'Replay ' + p.name, text: 'The read model is rebuilt from the event store while the app keeps answering; '
              + 'until it catches up, its readers see a partial view.', fields: [], confirm: 'Replay',
            run: function () { return request('POST', '/api/v1/admin/projections/' + encodeURIComponent(p.name) + '/replay'); },
            done: 'Replay started' });
        }))];
    }, ['data-projection', 'name']);
  }

  async function loadDeadLetters() {
    var letters = items(await request('GET', '/api/v1/admin/dead-letters'));
    fill('dead-letters', letters, function (l) {
      return [make('span', l.projection, 'mono'), l.eventType, make('span', short(l.aggregateId), 'mono'), l.causeMessage,
        when(l.enqueuedAt), actions(button('Retry now', 'retry', async function () {
          try {
            await request('POST', '/api/v1/admin/dead-letters/' + encodeURIComponent(l.projection) + '/retry');
            toast('Retried');
            loadAll();
          } catch (e) { toast(e.message, true); }
        }))];
    });
  }

  // ---- finance ---------------------------------------------------------------------------------

  (function defaultPeriod() {
    var now = new Date();
    var first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    var next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    el('finance-from').value = first.toISOString().slice(0, 10);
    el('finance-to').value = next.toISOString().slice(0, 10);
  }());

  el('finance-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var from = el('finance-from').value + 'T00:00:00Z';
    var to = el('finance-to').value + 'T00:00:00Z';
    try {
      var response = await request('GET', '/api/v1/admin/finance.csv?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to),
        undefined, true);
      var blob = await response.blob();
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'gigstream-finance-' + el('finance-from').value + '-' + el('finance-to').value + '.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    } catch (e) { toast(e.message, true); }
  });

  // ---- the confirmation dialog -------------------------------------------------------------------

  function ask(options) {
    var dialog = el('dialog');
    el('dialog-title').textContent = options.title;
    el('dialog-text').textContent = options.text || '';
    el('dialog-confirm').textContent = options.confirm;
    el('dialog-error').hidden = true;
    var fields = el('dialog-fields');
    fields.replaceChildren();
    options.fields.forEach(function (f) {
      var label = make('label', f.label);
      var input;
      if (f.options) {
        input = document.createElement('select');
        f.options.forEach(function (o) { var option = make('option', o[1]); option.value = o[0]; input.appendChild(option); });
      } else if (f.textarea) {
        input = document.createElement('textarea');
        input.required = true;
      } else {
        input = document.createElement('input');
        input.type = f.type || 'text';
      }
      input.id = 'field-' + f.id;
      label.appendChild(input);
      fields.appendChild(label);
    });
    el('dialog-form').onsubmit = async function (event) {
      event.preventDefault();
      var values = {};
      options.fields.forEach(function (f) { values[f.id] = el('field-' + f.id).value; });
      el('dialog-confirm').disabled = true;
      try {
        await options.run(values);
        dialog.close();
        toast(options.done);
        loadAll();
        if (currentTab === 'reports') { loadSuspensions().catch(function () {}); }
      } catch (e) {
        el('dialog-error').textContent = e.message;
        el('dialog-error').hidden = false;
      } finally {
        el('dialog-confirm').disabled = false;
      }
    };
    el('dialog-cancel').onclick = function () { dialog.close(); };
    dialog.showModal();
    var first = fields.querySelector('select,textarea,input');
    if (first) { first.focus(); }
  }

  // ---- live statistics over STOMP --------------------------------------------------------------

  var STATS_TOPIC = '/topic/admin/stats';
  var retryDelay = 1000;

  function connectLive() {
    if (!session) { return; }
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    live = socket;
    var buffer = '';
    socket.onopen = function () {
      socket.send('CONNECT\naccept-version:1.2\nhost:' + location.host + '\nheart-beat:0,0\nAuthorization:Bearer '
        + session.accessToken + '\n\n\u0000');
    };
    socket.onmessage = function (event) {
      buffer += event.data;
      var end;
      while ((end = buffer.indexOf('\u0000')) >= 0) {
        frame(socket, buffer.slice(0, end).replace(/^\n+/, ''));
        buffer = buffer.slice(end + 1);
      }
    };
    socket.onclose = function () {
      if (live !== socket) { return; }
      setLive(false);
      live = null;
      if (session) {
        setTimeout(connectLive, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    };
  }

  function frame(socket, text) {
    if (!text) { return; } // a heartbeat
    var split = text.indexOf('\n\n');
    var head = (split < 0 ? text : text.slice(0, split)).split('\n');
    var body = split < 0 ? '' : text.slice(split + 2);
    if (head[0] === 'CONNECTED') {
      retryDelay = 1000;
      socket.send('SUBSCRIBE\nid:stats\ndestination:' + STATS_TOPIC + '\n\n\u0000');
      setLive(true);
    } else if (head[0] === 'MESSAGE') {
      try { renderStats(JSON.parse(body)); } catch (ignored) { /* not stats */ }
    } else if (head[0] === 'ERROR') {
      setLive(false);
    }
  }

  function setLive(on) {
    el('live').textContent = on ? 'Live' : 'Offline';
    el('live').className = on ? 'pill live' : 'pill';
  }
}());
