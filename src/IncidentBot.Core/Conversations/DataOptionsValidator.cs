using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Conversations;

/// <summary>Validates <see cref="DataOptions"/> from its attributes (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class DataOptionsValidator : IValidateOptions<DataOptions>;
