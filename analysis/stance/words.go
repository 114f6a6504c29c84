package stance

var (
	negations = set("not", "n't", "never", "neither", "nor")
	copulas   = set("is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am", "remain", "remains",
		"remained", "seem", "seems", "seemed", "appear", "appears", "appeared", "become", "became", "becomes", "stay", "stays")
	beForms   = set("is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am", "get", "got", "gets")
	haveForms = set("has", "have", "had", "having", "'ve", "'d")
	doForms   = set("do", "does", "did")

	// aspectVerbs carry a verb after them without changing its stance:
	// "began considering", "continues to arm" (by stem).
	aspectVerbs = set("begin", "began", "begun", "start", "continu", "keep", "kept", "resum", "go", "went", "gone")

	// announceVerbs make a stance noun after them the subject's act:
	// "issued an ultimatum", "announced its withdrawal" (by stem).
	announceVerbs = set("announc", "declar", "make", "made", "issu", "deliv", "present", "submit", "unveil",
		"tabl", "put", "send", "sent", "launch", "order", "lodg", "express", "voic", "reiter", "reaffirm",
		"renew", "repeat", "plan", "prepar", "complet", "finalis", "finaliz",
		"formul", "draft", "draw", "drew", "extend", "rais", "state", "restat", "confirm", "underscor",
		"emphas", "stress", "relay", "convey", "affirm")

	// partyNouns, after "both", "two" or "the", name the parties last
	// mentioned: "both sides", "the two leaders".
	partyNouns = set("sides", "parties", "leaders", "delegations", "governments", "countries", "capitals", "presidents", "nations")

	// roleNouns name an office of the country the context gives: "the
	// President", "the Foreign Minister".
	roleNouns = set("president", "minister", "government", "chancellor", "premier", "state", "ministry", "secretary", "kremlin", "presidency", "leadership")

	// officials act for the actor that owns them: "Turkey's foreign
	// minister", "Russia's negotiators".
	officials = set("minister", "president", "spokesman", "spokeswoman", "spokesperson", "envoy", "negotiator",
		"negotiators", "officials", "official", "government", "delegation", "diplomats", "diplomat", "leader",
		"leadership", "administration", "ambassador", "secretary", "chancellor", "premier", "ministry", "side",
		"team", "forces", "military", "army", "representatives", "representative", "authorities")

	// sayVerbs attribute a quotation.
	sayVerbs = set("said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes",
		"declared", "declares", "stressed", "stresses", "wrote", "writes", "insisted", "warned", "argued", "replied", "asked", "according")

	// clauseWords start a clause that is no longer part of a target.
	clauseWords = set("while", "which", "who", "whereas", "because", "if", "unless", "when", "until", "after",
		"before", "since", "although", "though", "so")

	// timeWords may stand between a verb and its particle: "spoke today
	// with".
	timeWords = set("today", "yesterday", "tonight", "again", "personally", "directly", "separately", "briefly")

	targetPreps = set("on", "for", "from", "with", "of", "against", "about", "to", "in", "toward", "towards", "over")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
