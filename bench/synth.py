"""Synthetic notes in the shape of `notes/aws.md`, scaled to any number of services.

The benchmark needs notes far larger than the real ones, so this module invents a cloud vendor
("ZCP (Zenith Cloud Platform)") and writes its notes exactly the way the AWS notes are written: a
`# Title`, `## Primary Concepts` / `## Secondary Concepts`, `<expand title="…">` sections that
repeat their title as `## Title`, a "General Points" section with certifications, an overview comma
list, a sequence flow and a by-category list, a catalog of `### <Category> Services` headings with
`- **ABC (Full Name)**: summary` bullets, a details section with one `### <Service>` per service
and study sections whose sentences mention other services.

Every name comes from a seeded `random.Random`, and nothing iterates a set or a hash-ordered
mapping, so the same `(services, seed)` gives the same bytes on every machine and Python run.

Run it as a script (`python bench/synth.py --services 500 --out DIR`) or import `generate`.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path


def _words(text: str) -> tuple[str, ...]:
    """Word lists are written as prose so that they stay readable at 120 columns."""
    return tuple(text.split())


VENDOR = "ZCP"
"""Vendor prefix, used like `AWS` in `AWS Lambda`."""
VENDOR_FULL = "Zenith Cloud Platform"
"""The vendor's full name; its first word is used like `Amazon` in `Amazon Kinesis`."""
VENDOR_WORD = VENDOR_FULL.split(maxsplit=1)[0]

_ADJECTIVES = _words(
    "Adaptive Autonomous Batch Cognitive Cold Continuous Distributed Dynamic Edge Elastic Federated "
    "Global Hosted Hybrid Instant Intelligent Isolated Kinetic Lean Managed Mobile Native Neural Open "
    "Orbital Persistent Private Quantum Rapid Regional Resilient Scalable Secure Serverless Simple "
    "Spatial Swift Temporal Trusted Unified Vector Virtual Wide Xeno Yield Zonal"
)
_NOUNS = _words(
    "Analytics Archive Artifact Backup Block Build Cache Certificate Code Compute Config Container Cost "
    "Data Deploy Device Directory Domain Email Event File Firewall Function Graph Identity Image Index "
    "Job Key Ledger Log Media Message Metric Model Network Notification Object Pipeline Policy Query "
    "Queue Record Schema Search Secret Session Signal Storage Stream Table Task Traffic Upload Video "
    "Workflow Zone"
)
_HEADS = _words(
    "Accelerator Broker Bus Catalog Center Cloud Console Director Engine Exchange Fabric Gateway Guard "
    "Hub Insights Lake Lens Manager Mesh Monitor Orchestrator Pilot Registry Relay Router Scheduler "
    "Service Shield Store Studio Tracker Vault Warehouse"
)
_SYLLABLES = _words(
    "ka lo mi ra ven tor zy qua nex dra ly pho sar vel xi bri cor dun fel gar hal jin kel mor nor pel rin "
    "sol tan ul vor wen yar zen bex cal dor eth fyn gor"
)
_ENDINGS = ("", "", "ix", "on", "a", "us", "ar", "is", "o", "en")

_BASE_CATEGORIES = (
    "Compute",
    "Storage",
    "Database",
    "Networking",
    "Security",
    "Monitoring & Management",
    "Application Integration",
    "Data Processing",
    "Analytics",
    "Machine Learning",
    "Developer Tools",
    "Containers",
    "Media",
    "IoT",
    "End User Computing",
    "Migration",
    "Business Applications",
    "Game Tech",
    "Customer Engagement",
    "Cost Management",
    "Front-End Web & Mobile",
    "Quantum Technologies",
    "Robotics",
    "Satellite",
)
_CATEGORY_PREFIXES = (
    "Edge",
    "Industrial",
    "Enterprise",
    "Sovereign",
    "Retail",
    "Healthcare",
    "Financial",
    "Scientific",
    "Automotive",
    "Public Sector",
)
_LAYERS = (
    "Web (How users come in)",
    "Servers (Where code runs)",
    "Security (Who can do what + encryption)",
    "Data (Where data lives)",
    "Move & Process (ETL & Streaming)",
    "Notify / Messaging",
    "Build & Monitor",
    "Flow / Orchestration",
)
_KEYCAPS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")
_CERT_ROLES = (
    "Cloud Practitioner",
    "Solutions Architect",
    "Developer",
    "SysOps Administrator",
    "Data Engineer",
    "Security Specialist",
    "Machine Learning Specialist",
    "Network Specialist",
    "DevOps Engineer",
    "Database Specialist",
)
_CERT_LEVELS = ("Associate", "Professional", "Specialty")

_SUMMARIES = (
    "Managed {noun} service",
    "Serverless {noun} engine",
    "Fully managed {noun} platform",
    "Scalable {noun} layer for applications",
    "Low-latency {noun} service",
    "Pay-per-use {noun} toolkit",
    "Highly available {noun} backend",
    "Global {noun} network",
)
_FACTS = (
    "Pay only for {amount} used",
    "Automatic scaling up to {count} requests per second",
    "Supports: Node.js, Python, Java, Go",
    "Maximum item size: {size}",
    "Data replicated across {zones} Availability Zones",
    "Free tier: {count} requests per month",
    "Default timeout: {minutes} minutes",
    "Encryption at rest and in transit",
    "Use cases: image processing, log analysis, real-time dashboards",
    "Single-digit millisecond performance",
)
_MENTIONS = (
    "Works with {a} and {b}",
    "Integrates with {a} for authentication",
    "Often placed behind {a}",
    "Sends events to {a}, which fans them out to {b}",
    "Stores results in {a}",
    "Monitored through {a} metrics and alarms",
    "Flow: Clients → {a} → {b} → {c}",
    "Similar to {a}, but cheaper for batch workloads",
    "Can be triggered by {a} or {b}",
    "Replaces the older {a} setup in most new projects",
)
# Upper-case words the boilerplate uses: a service must not be called `REST` or `MB`.
_RESERVED_INITIALS = _words("API APIS AZ AZS CLI ETL GB HTTP KB MB REST SDK TB")
_BOILERPLATE_WORDS = _words(
    "general points use cases limitations components working flow security failure handling commands "
    "references launch version history module introduction cloud client server"
)


class Kind(StrEnum):
    """How a service is named in the catalog."""

    ACRONYM = "acronym"
    """`**ABC (Full Name)**`, like `EC2 (Elastic Compute Cloud)`."""
    FULL_NAME = "full-name"
    """`**Full Name**` only, like `Elastic Load Balancing`; elsewhere sometimes by its initials."""
    WORD = "word"
    """A single invented word, like `Lambda`."""


@dataclass(frozen=True)
class SyntheticService:
    """One invented service."""

    name: str
    """The canonical name: the acronym, the single word or the full name."""
    full_name: str | None
    """The expansion for acronym and full-name services."""
    kind: Kind
    """How the catalog writes it."""
    category: str
    """The catalog category (`### <category> Services`)."""
    layer: str | None
    """The flow layer, for services listed in the overview and the flow."""

    @property
    def initials(self) -> str:
        """Initials of the full name (`ELB` for `Elastic Load Balancing`), or the name itself."""
        return "".join(word[0] for word in self.full_name.split()) if self.full_name else self.name

    @property
    def catalog_label(self) -> str:
        """The bold label of its catalog bullet."""
        if self.kind is Kind.ACRONYM:
            return f"{self.name} ({self.full_name})"
        return self.name


@dataclass(frozen=True)
class SyntheticNotes:
    """A generated notes file and what it was generated from."""

    text: str
    """The notes file, LF line endings, ending with a newline."""
    services: tuple[SyntheticService, ...]
    """Every service, in catalog order."""
    categories: tuple[str, ...]
    """Categories in catalog order."""
    layers: tuple[str, ...]
    """Flow layers in order."""
    certifications: tuple[str, ...]
    """Certification names, in the order listed."""


def generate(services: int, seed: int = 0) -> SyntheticNotes:
    """Invent `services` services and write their notes; the same arguments give the same text."""
    if services < 1:
        raise ValueError("services must be at least 1")
    rng = random.Random(f"kb-synth:{services}:{seed}")
    categories = _categories(services)
    names = _ServiceNames(rng)
    # Every category gets at least one service; the rest are spread unevenly, the first categories
    # (Compute, Storage …) holding the most, as in real catalogs.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(categories))]
    invented: list[SyntheticService] = []
    for index in range(services):
        category = categories[index] if index < len(categories) else rng.choices(categories, weights)[0]
        invented.append(names.new(category))
    invented.sort(key=lambda s: categories.index(s.category))
    flow = _assign_layers(rng, invented, categories)
    writer = _Writer(rng, flow, categories, _certifications(rng, services))
    return SyntheticNotes(
        text=writer.notes(),
        services=tuple(flow),
        categories=tuple(categories),
        layers=tuple(writer.layers),
        certifications=tuple(name for name, _ in writer.certifications),
    )


def write_notes(out_dir: Path, services: int, seed: int = 0, filename: str = "zcp.md") -> Path:
    """Write the notes file into `out_dir` (created if needed) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / filename
    path.write_text(generate(services, seed).text, encoding="utf-8", newline="\n")
    return path


def _categories(services: int) -> list[str]:
    # AWS lists 9 categories for ~55 services; real catalogs grow categories far slower than services.
    wanted = min(services, max(4, round(1.2 * services**0.5)))
    pool = list(_BASE_CATEGORIES)
    for prefix in _CATEGORY_PREFIXES:
        pool += [f"{prefix} {base}" for base in _BASE_CATEGORIES]
    return pool[:wanted]


class _ServiceNames:
    """Hands out unique names whose initials do not collide with another service's."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = {VENDOR.casefold(), VENDOR_WORD.casefold(), *_BOILERPLATE_WORDS}
        self.taken_initials: set[str] = {VENDOR, *_RESERVED_INITIALS}

    def new(self, category: str) -> SyntheticService:
        roll = self.rng.random()
        kind = Kind.ACRONYM if roll < 0.55 else Kind.FULL_NAME if roll < 0.70 else Kind.WORD
        if kind is Kind.WORD:
            return SyntheticService(self._word(), None, kind, category, None)
        full_name = self._full_name()
        initials = "".join(word[0] for word in full_name.split())
        name = initials if kind is Kind.ACRONYM else full_name
        return SyntheticService(name, full_name, kind, category, None)

    def _word(self) -> str:
        while True:
            syllables = [self.rng.choice(_SYLLABLES) for _ in range(self.rng.choice((2, 2, 3)))]
            word = ("".join(syllables) + self.rng.choice(_ENDINGS)).capitalize()
            if word.casefold() not in self.taken and word.upper() not in self.taken_initials:
                self.taken.add(word.casefold())
                return word

    def _full_name(self) -> str:
        attempt = 0
        while True:
            attempt += 1
            # Three words (`Elastic Compute Cloud`) until the initials run out, then four.
            words = [self.rng.choice(_ADJECTIVES), self.rng.choice(_NOUNS), self.rng.choice(_HEADS)]
            if attempt > 20:
                words.insert(1, self.rng.choice(_ADJECTIVES))
            if len(set(words)) < len(words):
                continue
            name = " ".join(words)
            initials = "".join(word[0] for word in words)
            if name.casefold() in self.taken or initials in self.taken_initials or initials.casefold() in self.taken:
                continue
            self.taken.add(name.casefold())
            self.taken_initials.add(initials)
            return name


def _assign_layers(
    rng: random.Random, services: list[SyntheticService], categories: list[str]
) -> list[SyntheticService]:
    # About 70% of the catalog is in the overview and the flow (34 of ~55 in the AWS notes); the
    # layer follows the category so that each layer reads like a family of services.
    out = []
    for service in services:
        if rng.random() < 0.7:
            layer = _LAYERS[(categories.index(service.category) + rng.randrange(2)) % len(_LAYERS)]
            out.append(replace(service, layer=layer))
        else:
            out.append(service)
    return out


def _count(items: list[str] | list[SyntheticService]) -> str:
    return f"{len(items)} Service" if len(items) == 1 else f"{len(items)} Services"


def _certifications(rng: random.Random, services: int) -> list[tuple[str, float]]:
    count = min(len(_CERT_ROLES) * len(_CERT_LEVELS), 5 + services // 500)
    names = [f"{VENDOR} Certified Cloud Practitioner"]
    for level in _CERT_LEVELS:
        names += [f"{VENDOR} Certified {role} {level}" for role in _CERT_ROLES[1:]]
    return [(name, round(rng.uniform(4.0, 8.0), 2)) for name in names[:count]]


class _Writer:
    """Writes the notes text, section by section, in the order of `notes/aws.md`."""

    def __init__(
        self,
        rng: random.Random,
        services: list[SyntheticService],
        categories: list[str],
        certifications: list[tuple[str, float]],
    ) -> None:
        self.rng = rng
        self.services = services
        self.categories = categories
        self.certifications = certifications
        # Tiny notes use only some layers; an empty `- 0 Services:` line is nothing an author writes.
        self.layers = [layer for layer in _LAYERS if any(s.layer == layer for s in services)]
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
            "  - " + ", ".join(self._overview_name(s) for s in overview),
            "",
            f"- {VENDOR} Services Sequence Flow (Memory Story):",
        ]
        for number, layer in enumerate(self.layers):
            members = [self._short_name(s) for s in overview if s.layer == layer]
            self.lines.append(f"  - **{_KEYCAPS[number]} {layer}** - {_count(members)}: {', '.join(members)}")
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
                for _ in range(self.rng.choice((0, 1, 2, 2, 3, 4))):
                    child = self._mention_sentence(service) if self.rng.random() < 0.35 else self._fact()
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
                    if self.rng.random() < 0.3:
                        self.lines.append(f"  - {self._mention_sentence(service)}")
                self.lines.append("")
            self._close()

    def _details(self) -> None:
        self._open(f"{VENDOR} Services Details")
        detailed = [s for s in self.services if self.rng.random() < 0.2] or self.services[:1]
        for number, service in enumerate(detailed):
            self.lines += [f"### {self._heading_name(service)}", ""]
            self.lines += ["- **General Points**:"]
            self.lines += [f"  - {self._fact()}" for _ in range(self.rng.randint(2, 4))]
            self.lines += [f'  - Part of the "{service.category}" domain', ""]
            self.lines += ["- **Use Cases**:"]
            self.lines += [f"  - {self._mention_sentence(service)}" for _ in range(self.rng.randint(1, 3))]
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
        for service in self.rng.sample(self.services, max(1, len(self.services) // 20)):
            name = self._short_name(service)
            topic = self.rng.choice(("Security in", "Failure Handling for", "Improving Performance of"))
            self.lines += [f"- **{topic} {name}**:", f"  - {self._mention_sentence(service)}", ""]
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
        return self.rng.choice(_SUMMARIES).format(noun=self.rng.choice(_NOUNS).lower())

    def _fact(self) -> str:
        return self.rng.choice(_FACTS).format(
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
        return self.rng.choice(_MENTIONS).format(a=a, b=b, c=c)

    def _flow_sentence(self) -> str:
        chain = self.rng.sample(self.services, min(3, len(self.services)))
        return " → ".join(self._short_name(s) for s in chain)

    def _short_name(self, service: SyntheticService) -> str:
        # Lists use the short form: acronyms, and initials for some full-name services (`ELB`).
        if service.kind is Kind.FULL_NAME and len(service.initials) >= 3 and self.rng.random() < 0.3:
            return service.initials
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


def main(argv: list[str] | None = None) -> None:
    """Command line: write `zcp.md` with N services into a folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, required=True, help="number of services to invent")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the notes file into")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random names (default 0)")
    parser.add_argument("--filename", default="zcp.md", help="notes file name (default zcp.md)")
    args = parser.parse_args(argv)
    path = write_notes(args.out, args.services, args.seed, args.filename)
    print(f"{path}: {args.services} services, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
