/**
 * The hidden marker that lets the comment find itself on the next run: one comment per model and
 * workflow. Names are URI-encoded so no name can end the HTML comment or match another's marker.
 */
export function commentMarker(model: string, workflow: string): string {
  return `<!-- modelci:comment model=${encodeURIComponent(model)} workflow=${encodeURIComponent(workflow)} -->`;
}
