// Which fal.toolkit type shows a file in fal's playground: inputs as ImageField / AudioField /
// VideoField (an upload widget of that kind) where the input's name or description says what the
// file is, FileField otherwise; outputs as Image / Video / Audio where the predictor's code shows
// it (IR `outputMedia`, read by the frontend from the file names it writes) or the output field's
// name does. Declared types matter to fal: a response field declared `File` is serialised as a
// File, so an Image's width and height would not survive, and the playground would show a link.
// fal 1.83: fal/toolkit/{image,video,audio}/*.py (each sets `ui.field` in the JSON schema).

import type { Input } from '../../src/ir/types.js';
import type { MediaKind } from '../../src/ir/media.js';

/** Words that name a kind of media, in input/field names and descriptions. Data: one line each.
 * Left out on purpose: `clip` (also the CLIP model), `frame` (an image or a video's), `file`. */
const WORDS: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['image', 'images', 'img', 'imgs', 'photo', 'photos', 'picture', 'pictures', 'pic', 'mask', 'masks', 'png', 'jpg', 'jpeg', 'webp', 'portrait', 'selfie', 'sketch', 'drawing', 'inpaint', 'thumbnail', 'screenshot'],
  video: ['video', 'videos', 'movie', 'movies', 'footage', 'mp4', 'webm'],
  audio: ['audio', 'audios', 'speech', 'voice', 'sound', 'sounds', 'music', 'song', 'songs', 'wav', 'mp3', 'flac', 'vocals', 'melody', 'recording', 'waveform'],
};

/** Words that say the file is something else that merely holds or concerns media: "a zip of
 * training images", `image_folder`, "LoRA weights trained on photos". Any of them: FileField. */
const OTHER_FILES = new Set([
  'zip', 'tar', 'tarball', 'archive', 'folder', 'directory', 'dataset', 'json', 'jsonl', 'csv', 'txt', 'pdf', 'yaml',
  'weights', 'checkpoint', 'ckpt', 'safetensors', 'lora', 'embeddings', 'captions', 'subtitles', 'srt',
]);

const KIND_OF = new Map<string, MediaKind>(
  (Object.entries(WORDS) as [MediaKind, readonly string[]][]).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)),
);

/** Words of a name (`input_image`, `audioFile`, `video2`) or a sentence, lower case. */
function words(text: string): string[] {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/).filter(Boolean);
}

/** The one kind of media the text names, or undefined (none, or several: "image or video"). */
export function mediaNamed(text: string): MediaKind | undefined {
  const kinds = new Set(words(text).map((w) => KIND_OF.get(w)).filter((k) => k !== undefined));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** What a file input is: its name decides; where the name says nothing, its description; a word
 * naming another kind of file (an archive, weights) in either leaves it a plain file.
 * (Cog has no validation on file inputs that names a type, so there is nothing else to read.) */
export function inputMedia(input: Pick<Input, 'name' | 'description'>): MediaKind | undefined {
  if ([input.name, input.description ?? ''].some((text) => words(text).some((w) => OTHER_FILES.has(w)))) return undefined;
  if (words(input.name).some((w) => KIND_OF.has(w))) return mediaNamed(input.name);
  return input.description === undefined ? undefined : mediaNamed(input.description);
}

/** The fal.toolkit Field function of a file input. */
export const INPUT_FIELD: Readonly<Record<MediaKind, 'ImageField' | 'VideoField' | 'AudioField'>> = {
  image: 'ImageField', video: 'VideoField', audio: 'AudioField',
};

/** The fal.toolkit class an output file of this kind is declared as. */
export const OUTPUT_CLASS: Readonly<Record<MediaKind, 'Image' | 'Video' | 'Audio'>> = {
  image: 'Image', video: 'Video', audio: 'Audio',
};
