"""Vocabulary and data types of the synthetic AWS-shaped notes (`synth.py`, `synth_writer.py`).

The word lists name an invented cloud vendor's services, categories, flow layers and
certifications; `Shape` holds the knobs that make one synthetic notes file differ from another at
the same size (list expansions, `###` subsections, mention density, glossary size, text per
service), and `SHAPES` the named shapes the benchmark measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


def _words(text: str) -> tuple[str, ...]:
    """Word lists are written as prose so that they stay readable at 120 columns."""
    return tuple(text.split())


VENDOR = "ZCP"
"""Vendor prefix, used like `AWS` in `AWS Lambda`."""
VENDOR_FULL = "Zenith Cloud Platform"
"""The vendor's full name; its first word is used like `Amazon` in `Amazon Kinesis`."""
VENDOR_WORD = VENDOR_FULL.split(maxsplit=1)[0]

ADJECTIVES = _words(
    "Adaptive Autonomous Batch Cognitive Cold Continuous Distributed Dynamic Edge Elastic Federated "
    "Global Hosted Hybrid Instant Intelligent Isolated Kinetic Lean Managed Mobile Native Neural Open "
    "Orbital Persistent Private Quantum Rapid Regional Resilient Scalable Secure Serverless Simple "
    "Spatial Swift Temporal Trusted Unified Vector Virtual Wide Xeno Yield Zonal"
)
NOUNS = _words(
    "Analytics Archive Artifact Backup Block Build Cache Certificate Code Compute Config Container Cost "
    "Data Deploy Device Directory Domain Email Event File Firewall Function Graph Identity Image Index "
    "Job Key Ledger Log Media Message Metric Model Network Notification Object Pipeline Policy Query "
    "Queue Record Schema Search Secret Session Signal Storage Stream Table Task Traffic Upload Video "
    "Workflow Zone"
)
HEADS = _words(
    "Accelerator Broker Bus Catalog Center Cloud Console Director Engine Exchange Fabric Gateway Guard "
    "Hub Insights Lake Lens Manager Mesh Monitor Orchestrator Pilot Registry Relay Router Scheduler "
    "Service Shield Store Studio Tracker Vault Warehouse"
)
SYLLABLES = _words(
    "ka lo mi ra ven tor zy qua nex dra ly pho sar vel xi bri cor dun fel gar hal jin kel mor nor pel rin "
    "sol tan ul vor wen yar zen bex cal dor eth fyn gor"
)
ENDINGS = ("", "", "ix", "on", "a", "us", "ar", "is", "o", "en")

BASE_CATEGORIES = (
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
CATEGORY_PREFIXES = (
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
LAYERS = (
    "Web (How users come in)",
    "Servers (Where code runs)",
    "Security (Who can do what + encryption)",
    "Data (Where data lives)",
    "Move & Process (ETL & Streaming)",
    "Notify / Messaging",
    "Build & Monitor",
    "Flow / Orchestration",
)
KEYCAPS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")
CERT_ROLES = (
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
CERT_LEVELS = ("Associate", "Professional", "Specialty")

SUMMARIES = (
    "Managed {noun} service",
    "Serverless {noun} engine",
    "Fully managed {noun} platform",
    "Scalable {noun} layer for applications",
    "Low-latency {noun} service",
    "Pay-per-use {noun} toolkit",
    "Highly available {noun} backend",
    "Global {noun} network",
)
FACTS = (
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
MENTIONS = (
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
RESERVED_INITIALS = _words("API APIS AZ AZS CLI ETL GB HTTP KB MB REST SDK TB")
BOILERPLATE_WORDS = _words(
    "general points use cases limitations components working flow security failure handling commands "
    "references launch version history module introduction cloud client server"
)


# Running text under a `### Name` subsection of the dense shape.
PROSE = (
    "{name} keeps {noun} close to the workloads that use it.",
    "Teams usually start with the default settings and tune the {noun} limits later.",
    "Pricing depends on the {noun} volume and on the region.",
    "Most outages come from misconfigured {noun} policies rather than from the service itself.",
    "It offers a console, a command line and an SDK for every supported language.",
    "Quotas are per account and per region, and most of them can be raised on request.",
    "The exam asks when to pick {name} over a self-managed {noun} setup.",
)
# Glossary terms of the dense and detailed shapes: concepts with acronyms that are not services.
TERM_FIRST = _words(
    "Access Active Automatic Block Cross Customer Data Dedicated Default Event Fault Hot Identity Key "
    "Least Multi Network Point Primary Recovery Request Shared Single Time Zero"
)
TERM_SECOND = _words(
    "Account Availability Capacity Change Consistency Control Delivery Encryption Failover Isolation "
    "Latency Migration Ownership Partition Privilege Region Replication Retention Routing Tenancy Throughput"
)
TERM_THIRD = _words(
    "Agreement Boundary Budget Contract Domain Group Limit List Mode Model Objective Plan Policy Window"
)
TERM_USES = (
    "Relies on {a} and {b}",
    "Follows the {a} of the account",
    "Counts against the {a} unless {b} is on",
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
class Shape:
    """How the notes of a given size are written: the knobs the benchmark varies.

    The defaults are the `catalog` shape, the notes as `synth.py` always wrote them; changing a
    knob changes the text, never the services, categories, layers or certifications.
    """

    name: str
    """Short name, used in case names and the report (`catalog`)."""
    overview_expansion_every: int = 0
    """Every Nth service of the overview and flow lists is written as an expansion
    (`ABC (Full Name)`); 0 leaves it to chance (about one acronym service in ten, overview only)."""
    detail_share: float = 0.2
    """Share of services (0 to 1) with a `### Name` subsection in the details section."""
    catalog_children: tuple[int, ...] = (0, 1, 2, 2, 3, 4)
    """How many facts and mention sentences a catalog bullet gets, drawn from these counts."""
    mention_share: float = 0.35
    """Chance that a catalog child bullet names other services rather than stating a fact."""
    study_mention_share: float = 0.3
    """Chance that a study-section bullet gets a child sentence naming other services."""
    use_cases: tuple[int, int] = (1, 3)
    """Least and most mention sentences under a details subsection's Use Cases."""
    best_practice_every: int = 20
    """One best-practice bullet, named after a service, per this many services."""
    glossary_per_service: float = 0.0
    """Extra acronym expansions (glossary terms that are not services) per service."""
    prose_sentences: int = 0
    """Sentences of running text under each details subsection's heading."""


SHAPES: dict[str, Shape] = {
    shape.name: shape
    for shape in (
        Shape("catalog"),
        # Every service is also a `### Name` subsection; lists expand every third name.
        Shape(
            "detailed", overview_expansion_every=3, detail_share=1.0, best_practice_every=4, glossary_per_service=0.1
        ),
        # Many sentences naming services, a big glossary and more text per service.
        Shape(
            "dense",
            detail_share=0.4,
            catalog_children=(3, 4, 5, 6),
            mention_share=0.75,
            study_mention_share=0.9,
            use_cases=(3, 5),
            best_practice_every=10,
            glossary_per_service=0.5,
            prose_sentences=4,
        ),
    )
}
"""The named shapes, `catalog` first (the default)."""
