"""One conversation: a list of turns, each holding its question and its typed answer (citations inside).

Clearing, feedback, follow-ups, regenerate and edit all read and write this one list, so they cannot drift
apart. Dicts appear only at the JSON edges (feedback rows, the API).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from rag import Answer, Citation


@dataclass
class Turn:
    question: str
    answer: Answer
    feedback: bool | None = None  # the last 👍 (True) / 👎 (False) given to this answer


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    def history(self) -> list[tuple[str, str]]:
        """What follow-up rewriting sees: each earlier (standalone) question with its answer."""
        return [(t.answer.standalone_question or t.question, t.answer.answer) for t in self.turns]

    def add(self, question: str, answer: Answer) -> Conversation:
        return Conversation(self.turns + [Turn(question, answer)])

    def without_last(self) -> tuple[Conversation, Turn | None]:
        if not self.turns:
            return self, None
        return Conversation(self.turns[:-1]), self.turns[-1]

    def turn(self, index: int) -> Turn | None:
        return self.turns[index] if 0 <= index < len(self.turns) else None

    def to_json(self) -> dict:
        """The conversation as JSON (saved so that it survives a reload; `from_json` reads it back)."""
        return {"turns": [{"question": t.question, "feedback": t.feedback, "answer": asdict(t.answer)}
                          for t in self.turns]}

    @classmethod
    def from_json(cls, data: dict) -> Conversation:
        turns = []
        for row in data.get("turns", []):
            a = dict(row["answer"])
            a["citations"] = [Citation(**c) for c in a.get("citations", [])]
            turns.append(Turn(row["question"], Answer(**a), row.get("feedback")))
        return cls(turns)

    def feedback_row(self, index: int, liked: bool, now: float) -> dict | None:
        """The JSON row stored for a 👍/👎 on turn `index` (None if there is no such turn)."""
        t = self.turn(index)
        if t is None:
            return None
        a = t.answer
        return {"time": now, "liked": liked, "question": a.question, "answer": a.answer,
                "citations": [a.citations[n - 1].source for n in a.cited if 0 < n <= len(a.citations)],
                "model": a.model, "prompt": a.prompt}
