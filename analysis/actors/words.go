package actors

// groupNouns follow a country or demonym to name its government or people:
// "the Ukrainian government", "Russian officials", "the U.S. administration".
var groupNouns = set(
	"government", "administration", "authorities", "officials", "leadership", "leaders", "delegation",
	"delegates", "negotiators", "diplomats", "side", "regime", "cabinet", "ministry", "military",
	"forces", "army", "troops", "navy", "parliament", "lawmakers", "envoys", "envoy", "officials'",
	"spokesman", "spokeswoman", "spokesperson", "president", "presidency", "premier", "leader", "team",
)

// titleWords make up the titles before a person's name.
var titleWords = set(
	"president", "vice", "prime", "minister", "foreign", "defence", "defense", "finance", "interior",
	"secretary", "of", "state", "special", "envoy", "presidential", "chancellor", "king", "queen",
	"crown", "prince", "emir", "sheikh", "supreme", "leader", "spokesman", "spokeswoman",
	"spokesperson", "deputy", "general", "ambassador", "senator", "sen.", "rep.", "mr.", "mrs.", "ms.",
	"dr.", "chairman", "chairwoman", "chair", "premier", "director", "high", "representative",
	"commissioner", "national", "security", "adviser", "advisor", "chief", "negotiator", "head",
	"top", "diplomat", "aide", "former", "then", "commission", "council", "first", "lady",
)

// locatives put the name after them in the role of a place.
var locatives = set("in", "at", "near", "inside", "outside", "across", "throughout", "around", "into", "within", "via")

// motionVerbs make "to X" and "from X" places: "returned to Moscow".
var motionVerbs = set(
	"return", "returned", "returns", "returning", "go", "goes", "went", "going", "travel", "travelled",
	"traveled", "travels", "traveling", "travelling", "fly", "flew", "flies", "flying", "come", "came",
	"comes", "coming", "move", "moved", "moves", "arrive", "arrived", "arrives", "head", "headed",
	"heads", "fled", "flee", "flees", "trip", "visit", "journey", "flight", "way", "route", "back",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
