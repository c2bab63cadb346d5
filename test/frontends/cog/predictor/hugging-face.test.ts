// Hugging Face loading read statically from the predictor (IR predictors.*.huggingFace): which
// calls download from the Hub, the cache folders the code chooses, and the project folders it
// loads from. Targets decide their weights caches from it (targets/modal/volumes.ts).

import { describe, expect, it } from 'vitest';
import { extract, predictorOf } from './helpers.js';

const lines = (locs: { loc: { line: number } }[]) => locs.map((l) => l.loc.line);

describe('Hugging Face use of a predictor', () => {
  it('is absent when the code calls no Hugging Face loader, whatever it imports', () => {
    const e = extract(`
      import torch
      from transformers import AutoModel
      from cog import BasePredictor
      MODEL_CACHE = "model-cache"
      class Predictor(BasePredictor):
          def setup(self):
              self.device = "cuda"
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).huggingFace).toBeUndefined();
  });

  it('finds downloads: from_pretrained of a repository id or an unknown value, pipeline(), hf_hub_download, snapshot_download, SentenceTransformer', () => {
    const e = extract(`
      import os
      from cog import BasePredictor
      from transformers import AutoModel, pipeline
      from huggingface_hub import hf_hub_download, snapshot_download
      from sentence_transformers import SentenceTransformer
      class Predictor(BasePredictor):
          def setup(self):
              self.a = AutoModel.from_pretrained("org/model")
              self.b = AutoModel.from_pretrained(os.environ["MODEL_ID"])
              self.c = pipeline("automatic-speech-recognition", model="openai/whisper-tiny")
              self.d = hf_hub_download("org/repo", "w.safetensors")
              self.e = snapshot_download(repo_id="org/repo")
              self.f = SentenceTransformer("all-MiniLM-L6-v2")
          def predict(self) -> str:
              return ""
    `);
    const use = predictorOf(e).huggingFace!;
    expect(lines(use.downloads)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(use.downloads.every((d) => d.cacheDir === undefined)).toBe(true);
    expect(use.projectFolders).toEqual([]);
  });

  it('finds libraries that download from the Hub themselves: faster-whisper, whisperx, open_clip (download_root= is their cache)', () => {
    const e = extract(`
      import whisperx
      import open_clip
      from cog import BasePredictor
      from faster_whisper import WhisperModel
      class Predictor(BasePredictor):
          def setup(self):
              self.a = whisperx.load_model("large-v2", "cuda")
              self.b = WhisperModel("large-v3", download_root="whisper-cache")
              self.c = open_clip.create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k")
              self.d = whisperx.load_audio("x.wav")
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).huggingFace!.downloads.map((d) => [d.loc.line, d.cacheDir])).toEqual([[7, undefined], [8, 'whisper-cache'], [9, undefined]]);
  });

  it('keeps each call\'s cache_dir / local_dir as written, resolving module constants', () => {
    const e = extract(`
      from cog import BasePredictor
      from diffusers import DiffusionPipeline
      from huggingface_hub import hf_hub_download
      MODEL_CACHE = "./hf-cache"
      class Predictor(BasePredictor):
          def setup(self):
              self.pipe = DiffusionPipeline.from_pretrained("org/sd", cache_dir=MODEL_CACHE)
              hf_hub_download("org/lora", "l.safetensors", local_dir="/weights/lora")
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).huggingFace!.downloads.map((d) => [d.loc.line, d.cacheDir])).toEqual([[7, './hf-cache'], [8, '/weights/lora']]);
  });

  it('finds HF_HOME and friends set through os.environ, by assignment or setdefault', () => {
    const e = extract(`
      import os
      from cog import BasePredictor
      from transformers import AutoModel
      os.environ["HF_HOME"] = "/src/hf"
      os.environ.setdefault("HF_HUB_CACHE", "hub-cache")
      os.environ["OTHER"] = "/x"
      class Predictor(BasePredictor):
          def setup(self):
              self.m = AutoModel.from_pretrained("org/model")
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).huggingFace!.cacheVariables.map((v) => [v.name, v.path, v.loc.line])).toEqual([['HF_HOME', '/src/hf', 4], ['HF_HUB_CACHE', 'hub-cache', 5]]);
  });

  it("cog-qrcode's shape: from_pretrained of a project folder a script fills before cog build is no download", () => {
    const e = extract(`
      import torch
      from cog import BasePredictor
      from diffusers import StableDiffusionControlNetPipeline
      CACHE_DIR = "hf-cache"
      class Predictor(BasePredictor):
          def setup(self):
              self.pipe = StableDiffusionControlNetPipeline.from_pretrained(CACHE_DIR, torch_dtype=torch.float16)
          def predict(self) -> str:
              return ""
    `);
    const use = predictorOf(e).huggingFace!;
    expect(use.downloads).toEqual([]);
    expect(use.projectFolders).toEqual([{ path: 'hf-cache', exists: false, loc: { file: 'predict.py', line: 7, column: 71 } }]);
  });

  it('a folder the project holds, ./ and absolute paths are folders; a plain id such as gpt2 is the Hub', () => {
    const e = extract(`
      from cog import BasePredictor
      from transformers import AutoModel
      class Predictor(BasePredictor):
          def setup(self):
              AutoModel.from_pretrained("local-model")
              AutoModel.from_pretrained("./ckpt")
              AutoModel.from_pretrained("/weights/base")
              AutoModel.from_pretrained("gpt2")
          def predict(self) -> str:
              return ""
    `, { extraFiles: { 'local-model/config.json': '{}' } });
    const use = predictorOf(e).huggingFace!;
    expect(use.projectFolders.map((f) => [f.path, f.exists])).toEqual([['local-model', true], ['./ckpt', false], ['/weights/base', false]]);
    expect(lines(use.downloads)).toEqual([8]);
  });

  it('marks a folder setup() fills itself (pget URL DEST, os.makedirs), not one it only checks with os.path', () => {
    const e = extract(`
      import os
      import subprocess
      from cog import BasePredictor
      from diffusers import StableDiffusionPipeline
      MODEL_CACHE = "sd-cache"
      OTHER = "other-weights"
      class Predictor(BasePredictor):
          def setup(self):
              if not os.path.exists(MODEL_CACHE):
                  subprocess.check_call(["pget", "-x", "https://example.invalid/w.tar", MODEL_CACHE])
              self.a = StableDiffusionPipeline.from_pretrained(MODEL_CACHE)
              if os.path.exists(OTHER):
                  self.b = StableDiffusionPipeline.from_pretrained(OTHER)
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).huggingFace!.projectFolders.map((f) => [f.path, f.filledBySetup ?? false])).toEqual([['sd-cache', true], ['other-weights', false]]);
  });

  it('reads the local modules the predictor imports, but only those that mention a loader', () => {
    const e = extract(`
      from cog import BasePredictor
      from loaders import load
      import plain
      class Predictor(BasePredictor):
          def setup(self):
              self.m = load()
          def predict(self) -> str:
              return ""
    `, { extraFiles: { 'loaders.py': 'from transformers import AutoModel\ndef load():\n    return AutoModel.from_pretrained("org/model")\n', 'plain.py': 'def f(:\n' } });
    const p = predictorOf(e);
    expect(p.huggingFace!.downloads.map((d) => d.loc)).toEqual([{ file: 'loaders.py', line: 3, column: 12 }]);
    expect(e.codes).toEqual([]); // plain.py (a syntax error, no loader) is not parsed
  });
});
