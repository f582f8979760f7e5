namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>Word lists the generator draws from: enough variety for realistic indexes and sort orders.</summary>
public static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Amara", "Ana", "Arjun", "Astrid", "Beatriz", "Ben", "Camille", "Carlos", "Chen", "Chloe", "Dmitri",
        "Elena", "Emeka", "Emma", "Fatima", "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jamal", "Jana", "Jonas",
        "Julia", "Kai", "Kenji", "Lara", "Leila", "Liam", "Lucia", "Malik", "Maria", "Mateo", "Mei", "Nadia", "Noah",
        "Nora", "Olga", "Omar", "Priya", "Rafael", "Rosa", "Sami", "Sara", "Sofia", "Tariq", "Theo", "Uma", "Victor",
        "Wei", "Yara", "Yusuf", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Abbott", "Adeyemi", "Alvarez", "Andersen", "Bauer", "Becker", "Brown", "Castro", "Chen", "Costa", "Dubois",
        "Eriksson", "Fischer", "Garcia", "Gupta", "Hansen", "Hoffmann", "Ivanova", "Jensen", "Kim", "Kowalski", "Kumar",
        "Larsen", "Lindqvist", "Lopez", "Martin", "Meyer", "Moreau", "Müller", "Nakamura", "Nguyen", "Novak", "Okafor",
        "Olsen", "Patel", "Perez", "Petrov", "Rossi", "Santos", "Schmidt", "Silva", "Singh", "Smith", "Sato", "Tanaka",
        "Weber", "Williams", "Wong", "Yilmaz", "Zhang",
    ];

    public static readonly string[] CompanyWords =
    [
        "Acme", "Apex", "Atlas", "Aurora", "Beacon", "Blue", "Bright", "Cedar", "Cobalt", "Crest", "Delta", "Echo",
        "Evergreen", "Falcon", "Granite", "Harbor", "Horizon", "Iron", "Juniper", "Keystone", "Lumen", "Maple", "Meridian",
        "Nimbus", "North", "Nova", "Oak", "Orbit", "Peak", "Pioneer", "Quantum", "Redwood", "Silver", "Summit", "Terra",
        "Vertex", "Vista", "Willow", "Zenith",
    ];

    public static readonly string[] CompanyNouns =
    [
        "Analytics", "Bakery", "Biotech", "Capital", "Consulting", "Dynamics", "Energy", "Foods", "Freight", "Health",
        "Labs", "Logistics", "Media", "Motors", "Networks", "Partners", "Robotics", "Software", "Systems", "Textiles",
        "Travel", "Ventures",
    ];

    public static readonly string[] CompanySuffixes = ["Inc", "Ltd", "GmbH", "SA", "AB", "BV", "LLC", "Group"];

    public static readonly string[] Industries =
    [
        "software", "manufacturing", "retail", "healthcare", "finance", "logistics", "education", "energy", "media",
        "hospitality", "construction", "agriculture",
    ];

    public static readonly (string City, string? Region, string Country, double Latitude, double Longitude)[] Places =
    [
        ("Stockholm", null, "SE", 59.3293, 18.0686), ("Berlin", null, "DE", 52.52, 13.405), ("Paris", null, "FR", 48.8566, 2.3522),
        ("Madrid", null, "ES", 40.4168, -3.7038), ("Lisbon", null, "PT", 38.7223, -9.1393), ("Amsterdam", null, "NL", 52.3676, 4.9041),
        ("London", null, "GB", 51.5072, -0.1276), ("New York", "NY", "US", 40.7128, -74.006), ("Austin", "TX", "US", 30.2672, -97.7431),
        ("San Francisco", "CA", "US", 37.7749, -122.4194), ("Toronto", "ON", "CA", 43.6532, -79.3832), ("São Paulo", "SP", "BR", -23.5505, -46.6333),
        ("Lagos", null, "NG", 6.5244, 3.3792), ("Nairobi", null, "KE", -1.2921, 36.8219), ("Mumbai", "MH", "IN", 19.076, 72.8777),
        ("Singapore", null, "SG", 1.3521, 103.8198), ("Tokyo", null, "JP", 35.6762, 139.6503), ("Sydney", "NSW", "AU", -33.8688, 151.2093),
    ];

    public static readonly string[] Streets = ["Main Street", "Harbour Road", "King Street", "Market Square", "Station Road", "Park Avenue", "Mill Lane"];

    public static readonly string[] Titles =
    [
        "CEO", "CTO", "CFO", "Head of Sales", "Sales Manager", "Account Executive", "Procurement Lead", "Operations Manager",
        "Marketing Director", "Product Manager", "Engineer", "IT Director", "Office Manager", "Founder",
    ];

    public static readonly string[] Products =
    [
        "Platform licence", "Annual subscription", "Onboarding package", "Support plan", "Enterprise seats", "Pilot",
        "Data migration", "Training", "Integration project", "Expansion",
    ];

    public static readonly string[] LostReasons = ["Price", "Chose a competitor", "No budget", "No decision", "Timing", "Missing feature"];

    public static readonly string[] Tags = ["vip", "newsletter", "partner-referral", "q4-push", "webinar", "trade-show", "upsell", "at-risk", "beta"];

    public static readonly string[] CallOutcomes = ["connected", "left voicemail", "no answer", "wrong number", "busy"];

    public static readonly string[] MeetingOutcomes = ["positive", "neutral", "follow-up needed", "no show"];

    public static readonly string[] Subjects =
    [
        "Intro call", "Discovery", "Demo", "Pricing questions", "Contract review", "Follow-up", "Quarterly check-in",
        "Renewal discussion", "Onboarding kickoff", "Technical deep-dive", "Send proposal", "Prepare quote",
    ];
}
