"""The text of a synthetic notes file: `NotesWriter` writes it section by section (see synth.py).

The writer draws every choice from the generator's seeded `random.Random`, in a fixed order; the
`Shape` knobs only change how many draws a section makes and what it writes, and a knob at its
default makes exactly the draws it always made, so `catalog` notes keep their bytes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from synth_vocab import (
    FACTS,
    KEYCAPS,
    LAYERS,
    MENTIONS,
    NOUNS,
    PROSE,
    SUMMARIES,
    TERM_USES,
    VENDOR,
    VENDOR_FULL,
    VENDOR_WORD,
    Kind,
    Shape,
    SyntheticService,
)


def _count(items: list[str] | list[SyntheticService]) -> str:
    return f"{len(items)} Service" if len(items) == 1 else f"{len(items)} Services"


class NotesWriter:
    """Writes the notes text, section by section, in the order of `notes/aws.md`."""

    def __init__(
        self,
        rng: random.Random,
        shape: Shape,
        services: list[SyntheticService],
        categories: list[str],
        *,
        certifications: list[tuple[str, float]],
        terms: list[tuple[str, str]],
    ) -> None:
        self.rng = rng
        self.shape = shape
        self.services = services
        self.categories = categories
        self.certifications = certifications
        self.terms = terms
        """Extra glossary terms as (acronym, expansion)."""
        # Tiny notes use only some layers; an empty `- 0 Services:` line is nothing an author writes.
        self.layers = [layer for layer in LAYERS if any(s.layer == layer for s in services)]
        self.lines: list[str] = []

    def notes(self) -> str:
        self.lines = [f"# {VENDOR} ({VENDOR_FULL})", "", "## Primary Concepts", ""]
        self._version_history()
        self._general_points()
        self._catalog()
        self._concepts()
        self.lines += ["## Secondary Concepts", ""]
        self._study_sections()
        self._details()
        self._best_practices()
        if self.terms:
            self._terminology()
        self._references()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    # Sections ----------------------------------------------------------------------------------

    def _open(self, title: str) -> None:
        self.lines += [f'<expand title="{title}">', f"## {title}", ""]

    def _close(self) -> None:
        if self.lines[-1] != "":
            self.lines.append("")
        self.lines += ["</expand>", ""]

    def _version_history(self) -> None:
        self._open("Version History (Main Versions)")
        self.lines.append(f"- {VENDOR} Launch - 2006")
        launched = self.rng.sample(self.services, min(len(self.services), 5 + len(self.services) // 100))
        for service in launched:
            self.lines.append(f"- {VENDOR} {service.name} Launch - {self.rng.randint(2006, 2025)}")
        self._close()

    def _general_points(self) -> None:
        self._open("General Points")
        self.lines += [
            f"- {VENDOR} ({VENDOR_FULL}): Comprehensive cloud computing platform",
            "- Provides on-demand cloud computing services and APIs",
            "- Pay-as-you-go pricing model",
            "- REST = architecture, HTTP = Protocol",
            "- Evolution: In-house servers => Cloud => Serverless",
            "",
            f"- {VENDOR} Certifications with Rating:",
            *(f"  - {name} (Rating: {rating:.2f})" for name, rating in self.certifications),
            "",
        ]
        overview = [s for s in self.services if s.layer is not None]
        self.lines += [
            f"- {VENDOR} Services Overview ({_count(overview)}):",
            "  - " + ", ".join(self._listed_name(s, n, self._overview_name) for n, s in enumerate(overview)),
            "",
            f"- {VENDOR} Services Sequence Flow (Memory Story):",
        ]
        for number, layer in enumerate(self.layers):
            names = [self._listed_name(s, n, self._short_name) for n, s in enumerate(overview) if s.layer == layer]
            self.lines.append(f"  - **{KEYCAPS[number]} {layer}** - {_count(names)}: {', '.join(names)}")
        self.lines += [
            "",
            "- Cloud Computing Models:",
            "  - **IaaS (Infrastructure-as-a-Service)**: Take only infrastructure and configure in a custom way",
            "  - **PaaS (Platform-as-a-Service)**: Already configured platform, choose your language",
            "  - **SaaS (Software-as-a-Service)**: Ready to use software. Example: Gmail, Facebook",
            "",
            "- Deployment Models:",
            "  - Public Cloud",
            "  - Private Cloud",
            "  - Hybrid Cloud",
            "",
            f"- Core {VENDOR} Services by Category:",
        ]
        for category in self.categories:
            members = [s for s in self.services if s.category == category]
            # The by-category list names the well-known part of each category, not all of it.
            shown = members[: max(1, round(len(members) * 0.6))]
            self.lines.append(f"  - **{category}**: {', '.join(self._short_name(s) for s in shown)}")
        self.lines += [
            "",
            "- Availability Zones (AZs) vs Regions:",
            "  - **Regions**: Geographic areas like zn-east-1, zn-west-2, etc.",
            "  - **Availability Zones**: Physically isolated data centers within a region",
        ]
        self._close()

    def _catalog(self) -> None:
        self._open(f"Core {VENDOR} Services")
        for category in self.categories:
            self.lines += [f"### {category} Services", ""]
            for service in (s for s in self.services if s.category == category):
                self.lines.append(f"- **{service.catalog_label}**: {self._summary()}")
                for _ in range(self.rng.choice(self.shape.catalog_children)):
                    mention = self.rng.random() < self.shape.mention_share
                    child = self._mention_sentence(service) if mention else self._fact()
                    self.lines.append(f"  - {child}")
                self.lines.append("")
        self._close()

    def _concepts(self) -> None:
        # Stand-ins for `Auto Scaling`: concept sections full of bold terms that are not services.
        for number in range(max(1, len(self.services) // 250)):
            service = self.rng.choice(self.services)
            self._open(f"Scaling Patterns {number + 1}")
            self.lines += [
                f"- **Purpose**: Ensures the right number of {self._any_name(service)} instances for the load",
                "- **Types**:",
                "  - **Scaling-Out**: Add more instances",
                "  - **Scaling-In**: Terminate instances",
                f"- **Dynamic Scaling**: {self._flow_sentence()} (continuous loop)",
            ]
            self._close()

    def _study_sections(self) -> None:
        # One study section per certification, each with `### Module n:` sub-headings, like
        # "AWS Cloud Practitioner Essentials"; together about one bullet per service.
        per_module = 8
        modules = max(1, len(self.services) // per_module)
        certs = [name for name, _ in self.certifications]
        for index, cert in enumerate(certs):
            share = range(index, modules, len(certs))
            if not share:
                continue
            self._open(cert)
            for module in share:
                category = self.categories[module % len(self.categories)]
                self.lines += [f"### Module {module + 1}: {category}", ""]
                for service in self.rng.sample(self.services, min(per_module, len(self.services))):
                    self.lines.append(f"- **{self._any_name(service)}**: {self._summary()}")
                    if self.rng.random() < self.shape.study_mention_share:
                        self.lines.append(f"  - {self._mention_sentence(service)}")
                self.lines.append("")
            self._close()

    def _details(self) -> None:
        self._open(f"{VENDOR} Services Details")
        detailed = [s for s in self.services if self.rng.random() < self.shape.detail_share] or self.services[:1]
        for number, service in enumerate(detailed):
            self.lines += [f"### {self._heading_name(service)}", ""]
            if self.shape.prose_sentences:
                self.lines += [self._prose(service), ""]
            self.lines += ["- **General Points**:"]
            self.lines += [f"  - {self._fact()}" for _ in range(self.rng.randint(2, 4))]
            self.lines += [f'  - Part of the "{service.category}" domain']
            if self.terms:
                self.lines.append(f"  - {self._term_sentence()}")
            self.lines += ["", "- **Use Cases**:"]
            uses = self.rng.randint(*self.shape.use_cases)
            self.lines += [f"  - {self._mention_sentence(service)}" for _ in range(uses)]
            self.lines.append("")
            if number % 4 == 0:
                self.lines += [
                    "- **Limitations**:",
                    f"  - Default package size: {self.rng.choice((10, 50, 250))} MB",
                    f"  - Maximum execution timeout: {self.rng.randint(1, 15)} minutes",
                    "",
                ]
            if number % 10 == 0:
                command = service.name.lower().replace(" ", "-")
                self.lines += [
                    "- **Commands**:",
                    "  ```bash",
                    f"  zcp {command} create --name demo <name>",
                    f"  zcp {command} list --region zn-east-1",
                    "  ```",
                    "",
                ]
            if number % 7 == 3:
                self.lines += [
                    "- **Working Flow**:",
                    f"  1. User signs in through {self._any_name(self.rng.choice(self.services))}",
                    f"  2. App calls {self._any_name(service)} with temporary credentials",
                    "  3. Results are cached and returned",
                    "",
                ]
        self._close()

    def _best_practices(self) -> None:
        self._open(f"{VENDOR} Best Practices")
        count = max(1, len(self.services) // self.shape.best_practice_every)
        for service in self.rng.sample(self.services, count):
            name = self._short_name(service)
            topic = self.rng.choice(("Security in", "Failure Handling for", "Improving Performance of"))
            self.lines += [f"- **{topic} {name}**:", f"  - {self._mention_sentence(service)}", ""]
        self._close()

    def _terminology(self) -> None:
        # Acronyms the notes expand that are no services: the glossary grows, the services do not.
        self._open(f"{VENDOR} Terminology")
        for acronym, expansion in self.terms:
            self.lines.append(f"- **{acronym} ({expansion})**: {self._summary()}")
        self._close()

    def _references(self) -> None:
        self._open("References")
        self.lines += [
            f"- {VENDOR} Events Channel: https://example.com/zcp/events",
            f"- Introduction to {VENDOR} Services: https://example.com/zcp/introduction",
        ]
        self._close()

    # Phrases -----------------------------------------------------------------------------------

    def _summary(self) -> str:
        return self.rng.choice(SUMMARIES).format(noun=self.rng.choice(NOUNS).lower())

    def _fact(self) -> str:
        return self.rng.choice(FACTS).format(
            amount=self.rng.choice(("compute time", "storage", "requests")),
            count=self.rng.choice((3, 10, 1000, 10000)),
            size=self.rng.choice(("400 KB", "5 TB", "16 MB")),
            minutes=self.rng.choice((5, 15, 30)),
            zones=self.rng.choice((2, 3, 6)),
        )

    def _mention_sentence(self, about: SyntheticService) -> str:
        others = [s for s in self.rng.sample(self.services, min(4, len(self.services))) if s is not about]
        while len(others) < 3:
            others.append(about)
        a, b, c = (self._any_name(s) for s in others[:3])
        return self.rng.choice(MENTIONS).format(a=a, b=b, c=c)

    def _prose(self, service: SyntheticService) -> str:
        sentences = self.rng.sample(PROSE, min(len(PROSE), self.shape.prose_sentences))
        noun = self.rng.choice(NOUNS).lower()
        return " ".join(sentence.format(name=self._any_name(service), noun=noun) for sentence in sentences)

    def _term_sentence(self) -> str:
        (a, _), (b, _) = self.rng.choice(self.terms), self.rng.choice(self.terms)
        return self.rng.choice(TERM_USES).format(a=a, b=b)

    def _flow_sentence(self) -> str:
        chain = self.rng.sample(self.services, min(3, len(self.services)))
        return " → ".join(self._short_name(s) for s in chain)

    def _short_name(self, service: SyntheticService) -> str:
        # Lists use the short form: acronyms, and initials for some full-name services (`ELB`).
        if service.kind is Kind.FULL_NAME and len(service.initials) >= 3 and self.rng.random() < 0.3:
            return service.initials
        return service.name

    def _listed_name(
        self, service: SyntheticService, position: int, otherwise: Callable[[SyntheticService], str]
    ) -> str:
        # The shape's fixed rhythm of expansions in the overview and flow lists, by the service's
        # `position` in the overview (`ABC (Full Name)`, `ELB (Elastic Load Balancing)`); without
        # one, `otherwise` decides as it always did.
        every = self.shape.overview_expansion_every
        if not every:
            return otherwise(service)
        if position % every:
            return self._short_name(service)
        if service.kind is Kind.ACRONYM:
            return service.catalog_label
        if service.kind is Kind.FULL_NAME and len(service.initials) >= 3:
            return f"{service.initials} ({service.full_name})"
        return service.name

    def _overview_name(self, service: SyntheticService) -> str:
        roll = self.rng.random()
        if service.kind is Kind.ACRONYM and roll < 0.1:
            return service.catalog_label
        if roll > 0.95:
            return f"{VENDOR} {service.name}"
        return self._short_name(service)

    def _any_name(self, service: SyntheticService) -> str:
        # Prose names a service every way the author does: `EC2`, `Elastic Compute Cloud`,
        # `AWS Lambda`, `Amazon Kinesis`.
        roll = self.rng.random()
        if service.full_name and roll < 0.25:
            return service.full_name
        if roll > 0.9:
            return f"{VENDOR} {service.name}"
        if roll > 0.85:
            return f"{VENDOR_WORD} {service.name}"
        return self._short_name(service)

    def _heading_name(self, service: SyntheticService) -> str:
        # `### AWS Lambda`, `### Cognito`, `### EC2 Auto Scaling`-like headings.
        roll = self.rng.random()
        if roll < 0.5:
            return f"{VENDOR} {service.name}"
        if roll < 0.6 and service.full_name:
            return service.full_name
        return service.name
