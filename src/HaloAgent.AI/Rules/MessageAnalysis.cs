namespace HaloAgent.AI.Rules;

/// <summary>The working state of one message's analysis: its words, which step explained each, and what was found.</summary>
internal sealed class MessageAnalysis
{
    private readonly ClaimKind[] claims;
    private readonly Phrase?[] phrases;

    public MessageAnalysis(string raw, IReadOnlyList<Token> tokens)
    {
        Raw = raw;
        Tokens = tokens;
        claims = new ClaimKind[tokens.Count];
        phrases = new Phrase?[tokens.Count];
    }

    public string Raw { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public int Count => Tokens.Count;

    public List<LexiconHit> Hits { get; } = [];

    public List<NumberMention> Numbers { get; } = [];

    public List<ProductMatch> Products { get; } = [];

    /// <summary>Product-like words that matched nothing, as tokens [Start, End) and the text the customer wrote.</summary>
    public List<(int Start, int End, string Text)> UnknownProducts { get; } = [];

    public string? Address { get; set; }

    public ClaimKind ClaimAt(int index) => claims[index];

    public Phrase? PhraseAt(int index) => phrases[index];

    public bool IsFree(int index) => claims[index] == ClaimKind.None;

    public bool AreFree(int start, int length)
    {
        if (start + length > Count)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            if (claims[i] != ClaimKind.None)
            {
                return false;
            }
        }

        return true;
    }

    public void Claim(int start, int length, ClaimKind kind, Phrase? phrase = null)
    {
        for (var i = start; i < start + length; i++)
        {
            claims[i] = kind;
            phrases[i] = phrase;
        }
    }

    /// <summary>A word that says nothing by itself ("please", "abeg", "the"): skipped when measuring distances.</summary>
    public bool IsFiller(int index) => claims[index] == ClaimKind.Lexicon && phrases[index]?.Kind == PhraseKind.Filler;

    public bool IsConjunction(int index) => claims[index] == ClaimKind.Lexicon && phrases[index]?.Kind == PhraseKind.Conjunction;

    public IEnumerable<LexiconHit> IntentHits => Hits.Where(h => h.Phrase.Kind == PhraseKind.Intent);

    /// <summary>The raw text of tokens [start, end), as the customer wrote it.</summary>
    public string RawSpan(int start, int end) => Raw[Tokens[start].Start..Tokens[end - 1].End];

    /// <summary>Share of the words some step explained; unknown products count half (we know what they are, not which).</summary>
    public double Coverage()
    {
        if (Count == 0)
        {
            return 0;
        }

        var explained = 0.0;
        foreach (var claim in claims)
        {
            explained += claim switch
            {
                ClaimKind.None => 0,
                ClaimKind.UnknownProduct => 0.5,
                _ => 1,
            };
        }

        return explained / Count;
    }
}
