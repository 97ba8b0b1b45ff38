using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core;

/// <summary>Validates <see cref="SeedsOptions"/> from its attributes (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class SeedsOptionsValidator : IValidateOptions<SeedsOptions>;

/// <summary>Validates <see cref="IndexOptions"/> from its attributes (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class IndexOptionsValidator : IValidateOptions<IndexOptions>;

/// <summary>Validates <see cref="RankingOptions"/> from its attributes (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class RankingOptionsValidator : IValidateOptions<RankingOptions>;
