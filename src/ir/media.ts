// What kind of media a file is, from its name's suffix: the one table the frontend (which files
// a predictor writes) and the targets (which playground widget shows them) share. Data, not
// logic: each suffix once, as the browsers and fal's playground treat it (a GIF is an image).

/** A file a person looks at or listens to; anything else is a plain file. */
export type MediaKind = 'image' | 'video' | 'audio';

export const MEDIA_SUFFIXES: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['png', 'jpg', 'jpeg', 'webp', 'gif', 'bmp', 'tif', 'tiff', 'avif', 'heic'],
  video: ['mp4', 'mov', 'webm', 'mkv', 'avi', 'm4v'],
  audio: ['wav', 'mp3', 'flac', 'ogg', 'opus', 'm4a', 'aac'],
};

const BY_SUFFIX = new Map<string, MediaKind>(
  (Object.entries(MEDIA_SUFFIXES) as [MediaKind, readonly string[]][]).flatMap(([kind, suffixes]) => suffixes.map((s) => [s, kind] as const)),
);

/** The media kind of a file suffix (`png`, `.MP4`), or undefined for any other. */
export function mediaOfSuffix(suffix: string): MediaKind | undefined {
  return BY_SUFFIX.get(suffix.replace(/^\./, '').toLowerCase());
}
