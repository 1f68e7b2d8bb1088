/**
 * The hidden marker that lets the comment find itself on the next run: one comment per model and
 * workflow. Names are URI-encoded so no name can end the HTML comment or match another's marker.
 */
export function commentMarker(model: string, workflow: string): string {
  return `<!-- modelci:comment model=${encodeURIComponent(model)} workflow=${encodeURIComponent(workflow)} -->`;
}

/** The marker of an online experiment's comment (`modelci compare-live`): apart from the PR comment's. */
export function liveMarker(model: string, workflow: string): string {
  return `<!-- modelci:live model=${encodeURIComponent(model)} workflow=${encodeURIComponent(workflow)} -->`;
}
