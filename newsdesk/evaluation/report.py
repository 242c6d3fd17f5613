"""The shape every evaluation returns, so the CLI prints them all alike."""

from __future__ import annotations

from pydantic import BaseModel, Field


class EvalReport(BaseModel):
    name: str = Field(description="What was evaluated, on which data.")
    metrics: dict[str, float] = Field(description="Scores in [0, 1]: precision, recall, f1, ...")
    counts: dict[str, int] = Field(default_factory=dict, description="Gold, predicted, matched.")
    misses: list[str] = Field(default_factory=list, description="Readable errors for analysis.")

    def to_text(self, max_misses: int = 20) -> str:
        lines = [self.name]
        lines += [f"  {key:<28} {value:.3f}" for key, value in self.metrics.items()]
        lines += [f"  {key:<28} {value}" for key, value in self.counts.items()]
        if self.misses and max_misses:
            lines.append(
                f"  misses ({len(self.misses)}; first {min(max_misses, len(self.misses))}):"
            )
            lines += [f"    - {miss}" for miss in self.misses[:max_misses]]
        return "\n".join(lines)
