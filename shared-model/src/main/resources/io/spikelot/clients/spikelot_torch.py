"""Rebuild a Spikelot model in PyTorch from its model.json and model.safetensors.

Needs nothing but torch (1.10 or later). The graph in model.json (formatVersion 2) states every layer, so any
catalog architecture, neuron (LIF with binary or multi-level spikes, ReLU, sign) and weight storage (effective F32
ticket weights, or quantized integer codes times a scale) rebuilds without Spikelot's sources:

    import spikelot_torch as st
    model = st.load("model.json", "model.safetensors")     # a torch.nn.Module in eval mode
    x = model.preprocess(images_uint8)                     # [B, C, H, W] raw pixels -> normalised float32
    logits = model(x)                                      # [B, classes], averaged over the T steps
    predicted = logits.argmax(1)

A bit-packed ticket (ticket-packed.safetensors) loads with st.load("model.json", "ticket-packed.safetensors")
as well: the packed masks, signs and kept values are unpacked into dense weights first (unpack_ticket).
"""

import json
import math
import struct

import torch
import torch.nn.functional as F
from torch import nn

__all__ = ["load", "read_safetensors", "unpack_ticket", "SpikelotModel"]

_DTYPES = {
    "F64": torch.float64,
    "F32": torch.float32,
    "F16": torch.float16,
    "BF16": torch.bfloat16,
    "I64": torch.int64,
    "I32": torch.int32,
    "I16": torch.int16,
    "I8": torch.int8,
    "U8": torch.uint8,
    "BOOL": torch.bool,
}


def read_safetensors(path):
    """Reads a safetensors file with the format's own rules; returns ({name: tensor}, metadata)."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        start, end = entry["data_offsets"]
        dtype = _DTYPES[entry["dtype"]]
        shape = list(entry["shape"])
        raw = bytearray(data[base + start:base + end])
        if len(raw) == 0:
            tensors[name] = torch.zeros(shape, dtype=dtype)
        else:
            tensors[name] = torch.frombuffer(raw, dtype=dtype).reshape(shape).clone()
    return tensors, metadata


def _unpack_bits(packed, count):
    """LSB-first bits of U8 bytes -> a bool vector of `count` entries."""
    shifts = torch.arange(8, dtype=torch.uint8)
    bits = (packed.reshape(-1, 1) >> shifts) & 1
    return bits.reshape(-1)[:count].bool()


def unpack_ticket(tensors, metadata):
    """Turns the tensors of ticket-packed.safetensors into dense ones, as model.safetensors holds them.

    For each packed weight <w>: <w>.mask (U8, bits LSB first, row-major), <w>.shape (I64), and either <w>.sign
    (U8 bits, 1 = positive) with the scalar <w>.alpha (biprop: weight = alpha * sign * mask) or <w>.values (F32,
    the kept weights in mask order; edge-popup: weight = values scattered into the mask). Other tensors are kept.
    """
    dense = {}
    packed = sorted({n[: -len(".mask")] for n in tensors if n.endswith(".mask")})
    for name in packed:
        shape = [int(d) for d in tensors[name + ".shape"].tolist()]
        count = math.prod(shape)
        mask = _unpack_bits(tensors[name + ".mask"], count)
        weight = torch.zeros(count, dtype=torch.float32)
        if name + ".sign" in tensors:
            sign = _unpack_bits(tensors[name + ".sign"], count)
            alpha = tensors[name + ".alpha"].to(torch.float32)
            magnitude = torch.where(sign, alpha, -alpha)
            weight = torch.where(mask, magnitude, weight)
        else:
            weight[mask] = tensors[name + ".values"].to(torch.float32)
        dense[name] = weight.reshape(shape)
    for name, tensor in tensors.items():
        base = name.rsplit(".", 1)[0]
        if base in packed:
            continue
        dense[name] = tensor
    return dense


class _Node(nn.Module):
    """One graph node; `tensors` maps the file's tensor names to this node's attribute names."""

    def __init__(self, node):
        super().__init__()
        self.name = node["name"]
        self.op = node["op"]
        self.attributes = node.get("attributes", {}) or {}
        self.tensor_names = {}
        self.quantization = {}
        for parameter in node.get("parameters", []) or []:
            local = {
                "weight": "weight",
                "bias": "bias",
                "norm-scale": "weight",
                "norm-shift": "bias",
                "running-mean": "running_mean",
                "running-var": "running_var",
            }[parameter["role"]]
            self.register_buffer(local, torch.zeros(parameter["shape"]))
            self.tensor_names[parameter["name"]] = local
            if parameter.get("quantization"):
                self.quantization[parameter["name"]] = parameter["quantization"]

    def set_tensor(self, name, tensor, tensors):
        local = self.tensor_names[name]
        quantization = self.quantization.get(name)
        if quantization is not None:
            # integer codes times the layer's scale; the product is the weight the network computed with
            tensor = tensor.to(torch.float32) * tensors[quantization["scale"]].to(torch.float32)
        expected = getattr(self, local).shape
        if tuple(tensor.shape) != tuple(expected):
            raise ValueError("%s has shape %s, the graph says %s" % (name, tuple(tensor.shape), tuple(expected)))
        setattr(self, local, tensor.to(torch.float32).contiguous())


class _Sequence(nn.Module):
    def __init__(self, nodes, model):
        super().__init__()
        self.nodes = nn.ModuleList([model._build(node) for node in nodes])

    def forward(self, x):
        for node in self.nodes:
            x = node(x)
        return x


class _Conv(_Node):
    def forward(self, x):
        a = self.attributes
        bias = self.bias if a["bias"] else None
        return F.conv2d(x, self.weight, bias, a["stride"], a["padding"], a.get("dilation", 1), a.get("groups", 1))


class _Linear(_Node):
    def forward(self, x):
        return F.linear(x, self.weight, self.bias if self.attributes["bias"] else None)


class _BatchNorm(_Node):
    def forward(self, x):
        a = self.attributes
        weight = self.weight if a["affine"] else None
        bias = self.bias if a["affine"] else None
        moved = a["axis"] != 1
        if moved:
            x = x.transpose(1, a["axis"])
        y = F.batch_norm(x, self.running_mean, self.running_var, weight, bias, False, 0.0, a["eps"])
        return y.transpose(1, a["axis"]) if moved else y


class _Pool(_Node):
    def forward(self, x):
        a = self.attributes
        if self.op == "global-avg-pool2d":
            return x.mean(dim=(2, 3))
        if self.op == "max-pool2d":
            return F.max_pool2d(x, a["kernel"], a["stride"], a["padding"], ceil_mode=a.get("ceilMode", False))
        return F.avg_pool2d(
            x, a["kernel"], a["stride"], a["padding"], ceil_mode=a.get("ceilMode", False),
            count_include_pad=a.get("countIncludePad", True))


class _Lif(_Node):
    """Multi-step LIF on time-major [T*B, ...]; the membrane starts fresh for every input."""

    def __init__(self, node, timesteps):
        super().__init__(node)
        self.timesteps = timesteps

    def forward(self, x):
        a = self.attributes
        tau = a["tau"]
        threshold = a["threshold"]
        hard = a["reset"] == "hard"
        v_reset = a.get("vReset", 0.0) if hard else 0.0
        gain = 1.0 / tau if a["decayInput"] else 1.0
        decay = 1.0 - 1.0 / tau
        drive = v_reset / tau if hard else 0.0
        max_level = a.get("maxLevel", 1)
        batch = x.shape[0] // self.timesteps
        v = None
        spikes = []
        for current in x.split(batch, 0):
            h = current if gain == 1 else current * gain
            if v is not None:
                h = h + v * decay
            elif v_reset != 0:
                h = h + decay * v_reset
            if drive != 0:
                h = h + drive
            if a.get("spikeBits", 1) == 1:
                s = (h - threshold >= 0).to(h.dtype)
                if hard:
                    v = h * (1 - s) + s * v_reset if v_reset != 0 else h * (1 - s)
                else:
                    v = h - s * threshold
            else:
                level = torch.floor(h / threshold).clamp(0, max_level)
                s = level * threshold
                if hard:
                    fired = (s > 0).to(h.dtype)
                    v = h * (1 - fired) + fired * v_reset if v_reset != 0 else h * (1 - fired)
                else:
                    v = h - s
            spikes.append(s)
        return torch.cat(spikes, 0)


class _Lambda(_Node):
    def __init__(self, node, fn):
        super().__init__(node)
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


class _PatchSelection(_Node):
    """MultiSp: keeps the `keep` tokens of each sample with the largest sum over t and d of |x|, ties to the lower
    index, in their original order, the same ones at every step."""

    def __init__(self, node, timesteps):
        super().__init__(node)
        self.timesteps = timesteps

    def forward(self, x):
        n, d = x.shape[1], x.shape[2]
        batch = x.shape[0] // self.timesteps
        k = self.attributes["keep"]
        scores = x.abs().sum(2).reshape(self.timesteps, batch, n).sum(0)
        order = torch.sort(-scores, dim=1, stable=True).indices[:, :k]
        kept = torch.sort(order, dim=1).values
        index = kept.repeat(self.timesteps, 1).unsqueeze(2).expand(-1, -1, d)
        return torch.gather(x, 1, index)


class _Residual(_Node):
    def __init__(self, node, model):
        super().__init__(node)
        branches = node["branches"]
        self.body = _Sequence(branches.get("body", []), model)
        self.shortcut = _Sequence(branches.get("shortcut", []), model)
        self.after = _Sequence(branches.get("after", []), model)

    def forward(self, x):
        return self.after(self.body(x) + self.shortcut(x))


class _Attention(_Node):
    def __init__(self, node, model):
        super().__init__(node)
        branches = node["branches"]
        self.query = _Sequence(branches["query"], model)
        self.key = _Sequence(branches["key"], model)
        self.value = _Sequence(branches["value"], model)
        self.attention_neuron = _Sequence(branches["attentionNeuron"], model)
        self.projection = _Sequence(branches["projection"], model)

    def _heads(self, x):
        h = self.attributes["heads"]
        return x.reshape(x.shape[0], x.shape[1], h, x.shape[2] // h).transpose(1, 2)

    def forward(self, x):
        q = self._heads(self.query(x))
        k = self._heads(self.key(x))
        v = self._heads(self.value(x))
        scores = q.matmul(k.transpose(2, 3))
        limit = self.attributes.get("scoreLimit")
        if limit is not None:
            scores = scores.clamp(0, limit).round()
        mixed = scores.matmul(v) * self.attributes["scale"]
        merged = mixed.transpose(1, 2).reshape(x.shape)
        return self.projection(self.attention_neuron(merged))


class SpikelotModel(nn.Module):
    """The network of a model.json graph. Input: static images [B, C, H, W] (already preprocessed) or event
    frames [T, B, C, H, W]; output: logits [B, classes] averaged over the T steps."""

    def __init__(self, description):
        super().__init__()
        if description.get("formatVersion", 1) < 2 or "graph" not in description:
            raise ValueError("model.json has no graph (formatVersion 2 or later is needed)")
        self.description = description
        graph = description["graph"]
        self.timesteps = graph["timesteps"]
        self.events = graph["inputKind"] == "events"
        self._by_tensor = {}
        self.layers = _Sequence(graph["layers"], self)

    def _build(self, node):
        op = node["op"]
        t = self.timesteps
        if op == "conv2d":
            module = _Conv(node)
        elif op == "linear":
            module = _Linear(node)
        elif op == "batch-norm":
            module = _BatchNorm(node)
        elif op in ("max-pool2d", "avg-pool2d", "global-avg-pool2d"):
            module = _Pool(node)
        elif op == "lif":
            module = _Lif(node, t)
        elif op == "relu":
            module = _Lambda(node, torch.relu)
        elif op == "sign":
            module = _Lambda(node, torch.sign)
        elif op == "flatten":
            module = _Lambda(node, lambda x: x.reshape(x.shape[0], -1))
        elif op == "tokens":
            module = _Lambda(node, lambda x: x.reshape(x.shape[0], x.shape[1], -1).transpose(1, 2))
        elif op == "patch-selection":
            module = _PatchSelection(node, t)
        elif op == "token-mean":
            module = _Lambda(node, lambda x: x.mean(1))
        elif op == "residual":
            module = _Residual(node, self)
        elif op == "spiking-self-attention":
            module = _Attention(node, self)
        elif op == "repeat-over-time":
            module = _Lambda(node, lambda x: torch.cat([x] * t, 0) if t > 1 else x)
        elif op == "mean-over-time":
            module = _Lambda(node, lambda x: x.reshape(t, x.shape[0] // t, *x.shape[1:]).mean(0) if t > 1 else x)
        else:
            raise ValueError("unknown op '%s' in node %s" % (op, node.get("name")))
        for tensor in module.tensor_names:
            self._by_tensor[tensor] = module
        return module

    def load_tensors(self, tensors):
        """Sets every tensor the graph names from {name: tensor}; fails on a missing one."""
        missing = [name for name in self._by_tensor if name not in tensors]
        if missing:
            raise KeyError("the file lacks %d tensors the graph names, e.g. %s" % (len(missing), missing[:3]))
        for name, module in self._by_tensor.items():
            module.set_tensor(name, tensors[name], tensors)
        return self

    def preprocess(self, images):
        """Raw 8-bit static images [B, C, H, W] (or [B, H, W] for one channel) -> the network's input."""
        p = self.description["preprocessing"]
        if p["kind"] != "static":
            raise ValueError("preprocess() covers static images; %s input is fed as it is" % p["kind"])
        x = images.to(torch.float64)
        if x.dim() == 3:
            x = x.unsqueeze(1)
        x = (x * p["scale"]).to(torch.float32)
        mean = torch.tensor(p["mean"], dtype=torch.float32).reshape(1, -1, 1, 1)
        std = torch.tensor(p["std"], dtype=torch.float32).reshape(1, -1, 1, 1)
        return (x - mean) / std

    def forward(self, x):
        if self.events:
            if x.dim() != 5 or x.shape[0] != self.timesteps:
                raise ValueError("event input must be [T=%d, B, C, H, W], got %s" % (self.timesteps, tuple(x.shape)))
            x = x.reshape(x.shape[0] * x.shape[1], *x.shape[2:])
        return self.layers(x)


def load(model_json, tensors_file):
    """Builds the network of `model_json` (a path or the parsed dict) and loads `tensors_file` (model.safetensors,
    or a bit-packed ticket-packed.safetensors); returns it in eval mode."""
    if isinstance(model_json, (str, bytes)) or hasattr(model_json, "__fspath__"):
        with open(model_json, "r", encoding="utf-8") as f:
            description = json.load(f)
    else:
        description = model_json
    tensors, metadata = read_safetensors(tensors_file)
    if metadata.get("packing"):
        tensors = unpack_ticket(tensors, metadata)
    model = SpikelotModel(description)
    model.load_tensors(tensors)
    return model.eval()


def read_idx(path, limit=None):
    """The first `limit` entries of an IDX file (MNIST-style, plain or .gz) as a uint8 tensor."""
    import gzip

    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = list(struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims]))
    if limit is not None:
        shape[0] = min(shape[0], limit)
    count = math.prod(shape)
    offset = 4 + 4 * dims
    return torch.frombuffer(bytearray(data[offset:offset + count]), dtype=torch.uint8).reshape(shape).clone()


def _main(argv):
    import argparse

    parser = argparse.ArgumentParser(description="Evaluate a Spikelot model on IDX test files (e.g. Fashion-MNIST)")
    parser.add_argument("model_json")
    parser.add_argument("tensors", help="model.safetensors or ticket-packed.safetensors")
    parser.add_argument("--images", required=True, help="IDX images, e.g. t10k-images-idx3-ubyte.gz")
    parser.add_argument("--labels", required=True, help="IDX labels, e.g. t10k-labels-idx1-ubyte.gz")
    parser.add_argument("--limit", type=int, default=None, help="evaluate the first N samples")
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args(argv)
    model = load(args.model_json, args.tensors)
    images = read_idx(args.images, args.limit)
    labels = read_idx(args.labels, args.limit).long()
    correct = 0
    with torch.no_grad():
        for start in range(0, images.shape[0], args.batch):
            x = model.preprocess(images[start:start + args.batch])
            predicted = model(x).argmax(1)
            correct += int((predicted == labels[start:start + args.batch]).sum())
    print(json.dumps({"evaluated": int(images.shape[0]), "correct": correct, "accuracy": correct / images.shape[0]}))


if __name__ == "__main__":
    import sys

    _main(sys.argv[1:])
