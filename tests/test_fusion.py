"LSA fusion end to end: a tiny training run logs the fusion terms every step and its checkpoint reloads."
import math
import torch
from imutext.config import make_cfg
from imutext.train import fit
from imutext.models.factory import CKPT_NAME, load_checkpoint, model_from_checkpoint

def test_tiny_lsa_run(tmp_path):
    cfg = make_cfg('tiny', fusion='lsa', epochs=1)
    p = fit(cfg, tmp_path)
    ck = load_checkpoint(tmp_path/CKPT_NAME)
    assert ck['steps'] and all(math.isfinite(s['fusion_ce_loss']) and math.isfinite(s['supcon_loss']) and s['supcon_loss'] > 0 for s in ck['steps'])
    m = model_from_checkpoint(ck)
    assert m.fusion is not None and any(k.startswith('fusion.') for k in ck['model'])
    b = p.train.collate(p.train.epoch(0, 0)[:8]); p.model.eval()
    with torch.no_grad():
        torch.testing.assert_close(m.encode_signal(b['x'], b['ch_type'], b['ch_mask']), p.model.encode_signal(b['x'], b['ch_type'], b['ch_mask']))
