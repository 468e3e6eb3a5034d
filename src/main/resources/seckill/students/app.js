// The students' page: join with a nickname, wait for the sale, tap Buy, see the result and who won.
// Every text is set with textContent, never as markup: names typed by other phones are shown as text.
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Seckill Lab', nameLabel: 'Your nickname', nameHint: '1–16 letters, digits, spaces, _ or -',
      join: 'Join', buy: 'Buy', left: 'left of', winners: 'Students who won', other: '中文',
      hello: 'You are {name}', players: '{n} students in the class',
      waiting: 'Waiting for the sale to open…', open: 'The sale is open: tap Buy!', over: 'The sale is over.',
      lost: 'Connection lost: reconnecting…',
      won: 'You won item #{rank}!', already_won: 'You already have item #{rank}.',
      sold_out: 'Sold out: every item is gone.', closed: 'The sale is closed.',
      not_open: 'The sale has not opened yet.',
      conflict: 'Someone bought between your WATCH and EXEC: tap again!',
      error: 'Something went wrong: tap again.', slow: 'Slow down: at most 5 taps a second.',
      wrong_code: 'This join link is not the class\'s: scan the QR code again.',
      too_many: 'Too many tries: wait a minute.', taken: 'That name is taken: choose another.',
      bad_name: 'Use 1–16 letters, digits, spaces, _ or -.', full: 'The class is full.',
      kicked: 'You were removed from the class: join again.', offline: 'The server cannot be reached.'
    },
    zh: {
      title: '秒杀实验室', nameLabel: '你的昵称', nameHint: '1–16 个字母、数字、空格、_ 或 -',
      join: '加入', buy: '抢购', left: '件剩余，共', winners: '抢到的同学', other: 'English',
      hello: '你是 {name}', players: '班上共 {n} 位同学',
      waiting: '等待秒杀开始…', open: '秒杀开始了：点“抢购”！', over: '秒杀已结束。',
      lost: '连接断开：正在重连…',
      won: '抢到了！第 {rank} 件', already_won: '你已经抢到第 {rank} 件。',
      sold_out: '已售罄：商品都卖完了。', closed: '秒杀已关闭。',
      not_open: '秒杀还没有开始。',
      conflict: '有人在你的 WATCH 和 EXEC 之间买走了：再点一次！',
      error: '出错了：再点一次。', slow: '慢一点：每秒最多点 5 次。',
      wrong_code: '这个链接不是本班的：请重新扫二维码。',
      too_many: '尝试次数太多：请等一分钟。', taken: '这个名字已被占用：换一个吧。',
      bad_name: '请用 1–16 个字母、数字、空格、_ 或 -。', full: '班级已满。',
      kicked: '你已被移出班级：请重新加入。', offline: '无法连接服务器。'
    }
  };
  var FINAL = { won: true, already_won: true, sold_out: true, closed: true };

  var code = decodeURIComponent((location.pathname.split('/')[2] || ''));
  var key = 'seckill-students:' + code;
  var lang = localStorage.getItem('seckill-students:lang') || document.documentElement.lang || 'en';
  var me = load();
  var state = null;
  var result = null;
  var events = null;

  function $(id) { return document.getElementById(id); }

  function t(name, values) {
    var s = (TEXT[lang] || TEXT.en)[name] || name;
    Object.keys(values || {}).forEach(function (k) { s = s.split('{' + k + '}').join(String(values[k])); });
    return s;
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function save(value) {
    me = value;
    if (value) { sessionStorage.setItem(key, JSON.stringify(value)); } else { sessionStorage.removeItem(key); }
  }

  function applyLanguage() {
    if (!TEXT[lang]) { lang = 'en'; }
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.getAttribute('data-t')); });
    document.title = t('title');
    $('lang').textContent = t('other');
    render();
  }

  function request(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (me && me.token) { headers.Authorization = 'Bearer ' + me.token; }
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit', cache: 'no-store' }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) { return { status: r.status, data: data }; });
    });
  }

  function showJoin(message) {
    $('join-view').hidden = false;
    $('sale-view').hidden = true;
    $('join-error').textContent = message ? t(message) : '';
  }

  function showSale() {
    $('join-view').hidden = true;
    $('sale-view').hidden = false;
    listen();
    render();
  }

  function join(event) {
    event.preventDefault();
    var name = $('name').value;
    $('join').disabled = true;
    request('POST', '/api/join', { code: code, name: name, token: me && me.token }).then(function (r) {
      $('join').disabled = false;
      if (r.status === 200 || r.status === 201) {
        save({ token: r.data.token, name: r.data.player.name });
        showSale();
      } else {
        showJoin(r.data.error === 'wrong_code' || r.data.error === 'too_many' || r.data.error === 'taken'
          || r.data.error === 'bad_name' || r.data.error === 'full' ? r.data.error : 'error');
      }
    }, function () { $('join').disabled = false; showJoin('offline'); });
  }

  function buy() {
    $('buy').disabled = true;
    request('POST', '/api/buy').then(function (r) {
      if (r.status === 401) { kicked(); return; }
      if (r.status === 429) { result = { outcome: 'slow' }; } else if (r.status === 200) { result = r.data; }
      else { result = { outcome: 'error' }; }
      render();
    }, function () { result = { outcome: 'error' }; render(); });
  }

  function kicked() {
    save(null);
    if (events) { events.close(); events = null; }
    showJoin('kicked');
  }

  function listen() {
    if (events || !window.EventSource) { return; }
    events = new EventSource('/api/events?token=' + encodeURIComponent(me.token));
    events.addEventListener('state', function (e) {
      state = JSON.parse(e.data);
      if (!state.me) { kicked(); return; }
      if (state.me.outcome && (!result || FINAL[state.me.outcome])) {
        result = { outcome: state.me.outcome, rank: state.me.rank };
      }
      render();
    });
    events.onerror = function () { if (state) { state.lost = true; render(); } };
  }

  function render() {
    if (!me || $('sale-view').hidden) { return; }
    $('hello').textContent = t('hello', { name: me.name });
    var s = state || {};
    var finalResult = result && FINAL[result.outcome];
    $('status').textContent = s.lost ? t('lost') : s.ended ? t('over') : s.open ? t('open') : t('waiting');
    $('left').textContent = s.left == null ? '–' : String(s.left);
    $('stock').textContent = s.stock == null ? '–' : String(s.stock);
    $('buy').disabled = !s.open || !!finalResult;
    var box = $('result');
    // a sale over before this phone tapped: it is sold out (no stock left) or closed, all the same
    var shown = result || (s.ended ? { outcome: s.left === 0 ? 'sold_out' : 'closed' } : null);
    if (shown) {
      box.setAttribute('data-outcome', shown.outcome);
      box.textContent = t(shown.outcome, { rank: shown.rank == null ? '?' : shown.rank });
    } else {
      box.removeAttribute('data-outcome');
      box.textContent = '';
    }
    var list = $('winners');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    (s.winners || []).forEach(function (w) {
      var li = document.createElement('li');
      li.textContent = '#' + w.rank + '  ' + w.name;
      if (w.name === me.name) { li.className = 'me'; }
      list.appendChild(li);
    });
    $('players').textContent = s.players == null ? '' : t('players', { n: s.players });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('join-form').addEventListener('submit', join);
    $('buy').addEventListener('click', buy);
    $('lang').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('seckill-students:lang', lang);
      applyLanguage();
    });
    applyLanguage();
    if (me && me.token) { showSale(); } else { showJoin(); }
  });
}());
