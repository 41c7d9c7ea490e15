/**
 * Provided: you do not need to edit this file. The chat's page, served at `/`. Plain HTML
 * and a little script: join a room over `/ws/chat/:room?user=`, send with the button or
 * Enter, and show every frame. Text is set with `textContent`, never as HTML, so a message
 * such as `<b>hi</b>` shows its tags. `/?room=general&user=ada` fills both in and joins.
 */
export const CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>07 · pub/sub chat</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  form { display: flex; gap: .5rem; margin-bottom: 1rem; }
  input { flex: 1; padding: .4rem; }
  #messages { list-style: none; padding: 0; border: 1px solid #ccc; min-height: 12rem; max-height: 60vh; overflow-y: auto; }
  #messages li { padding: .25rem .5rem; border-bottom: 1px solid #eee; white-space: pre-wrap; overflow-wrap: anywhere; }
  #messages li.presence, #messages li.status { color: #666; font-style: italic; }
  #messages li.error { color: #a00; }
  .user { font-weight: bold; }
</style>
</head>
<body>
<h1>Chat</h1>
<form id="join">
  <input data-testid="user-input" id="user" placeholder="your name" maxlength="64" required>
  <input data-testid="room-input" id="room" placeholder="room (A–Z, 0–9, _ or -)" maxlength="64" pattern="[A-Za-z0-9_\\-]{1,64}" required>
  <button data-testid="join-button" type="submit">Join</button>
</form>
<form id="send">
  <input data-testid="message-input" id="text" placeholder="message" maxlength="2000" autocomplete="off" disabled>
  <button data-testid="send-button" type="submit" disabled>Send</button>
</form>
<ul data-testid="messages" id="messages" aria-live="polite"></ul>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const list = $('messages');
  let socket = null;

  function show(kind, user, text) {
    const item = document.createElement('li');
    item.className = kind;
    if (user !== null) {
      const name = document.createElement('span');
      name.className = 'user';
      name.textContent = user;
      item.append(name, ': ');
    }
    item.append(document.createTextNode(text));
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  const seen = new Set();
  function showFrame(frame) {
    if (frame.type === 'message') {
      if (seen.has(frame.id)) return;
      seen.add(frame.id);
      show('message', frame.user, frame.text);
    } else if (frame.type === 'presence') show('presence', null, frame.user + (frame.online ? ' joined' : ' left'));
    else if (frame.type === 'error') show('error', null, frame.message);
  }

  function setSending(enabled) {
    $('text').disabled = !enabled;
    document.querySelector('[data-testid="send-button"]').disabled = !enabled;
  }

  async function history(room) {
    const response = await fetch('/chat/rooms/' + encodeURIComponent(room) + '/history?limit=50');
    return response.ok ? (await response.json()).messages : [];
  }

  // The socket opens first (once open, the room is subscribed), then the history is read:
  // nothing falls between the two. Live frames wait until the history is shown; a message
  // in both is shown once (by id).
  function join(user, room) {
    if (socket) socket.close(1000, 'joining another room');
    list.replaceChildren();
    seen.clear();
    setSending(false);
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const url = scheme + location.host + '/ws/chat/' + encodeURIComponent(room) + '?user=' + encodeURIComponent(user);
    const current = new WebSocket(url);
    socket = current;
    let waiting = [];
    current.onopen = async () => {
      const past = await history(room).catch(() => []);
      if (socket !== current) return;
      show('status', null, 'joined ' + room + ' as ' + user);
      for (const message of past) showFrame(message);
      for (const frame of waiting) showFrame(frame);
      waiting = null;
      setSending(true);
      $('text').focus();
    };
    current.onmessage = (event) => {
      const frame = JSON.parse(event.data);
      if (waiting) waiting.push(frame);
      else showFrame(frame);
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      setSending(false);
      show('status', null, event.reason ? 'disconnected: ' + event.reason : 'could not join, or disconnected (check the room name: A–Z, 0–9, _ or -)');
    };
  }

  function send() {
    const text = $('text').value;
    if (!socket || socket.readyState !== WebSocket.OPEN || text.trim() === '') return;
    socket.send(JSON.stringify({ text }));
    $('text').value = '';
  }

  $('join').addEventListener('submit', (event) => {
    event.preventDefault();
    join($('user').value, $('room').value);
  });
  $('send').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });

  const params = new URLSearchParams(location.search);
  const room = params.get('room');
  const user = params.get('user');
  if (room !== null) $('room').value = room;
  if (user !== null) $('user').value = user;
  if (room && user) join(user, room);
})();
</script>
</body>
</html>
`;
