/** The error a promise rejects with, typed like Octokit's RequestError; fails if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<{
  status: number;
  message: string;
  response?: { data: unknown; headers: Record<string, string> };
}> {
  try {
    await p;
  } catch (e) {
    return e as Awaited<ReturnType<typeof rejection>>;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
