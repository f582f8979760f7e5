using System.Security.Cryptography;
using System.Text;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Erasure;

/// <summary>
/// Email addresses of erased people who asked not to be imported again, as hashes: sha256 of the workspace id, a
/// colon and the normalised address (salted by workspace, so one workspace's list says nothing about another's).
/// </summary>
public sealed class ErasedEmails(CrmDbContext db, RequestContext caller, WriteBatch batch)
{
    /// <summary>Hashes looked up ahead for the open <see cref="WriteBatch"/> (<see cref="PreloadAsync"/>) and whether each is blocked.</summary>
    private readonly Dictionary<string, bool> _preloaded = new(StringComparer.Ordinal);

    public string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.WorkspaceId:D}:{Contact.EmailKey(email)}")));

    /// <summary>Looks up the blocks of many addresses in one query, for the checks of the open write batch's writes.</summary>
    public async Task PreloadAsync(IReadOnlyList<string> emails, CancellationToken ct)
    {
        _preloaded.Clear();
        var hashes = emails.Select(Hash).Distinct().ToList();
        if (hashes.Count == 0) return;
        var blocked = (await BlockedAsync(hashes, ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var hash in hashes) _preloaded[hash] = blocked.Contains(hash);
    }

    /// <summary>Refuses addresses (by their index in the input) that belong to an erased person with a re-import block.</summary>
    public async Task EnsureAllowedAsync(IReadOnlyList<string> emails, IReadOnlyCollection<string> alreadyHeld, CancellationToken ct)
    {
        var candidates = emails.Select((email, i) => (Index: i, Hash: Hash(email), Key: Contact.EmailKey(email)))
            .Where(e => !alreadyHeld.Contains(e.Key)).ToList();
        if (candidates.Count == 0) return;
        var hashes = candidates.Select(c => c.Hash).ToList();
        var blocked = batch.IsOpen && hashes.All(_preloaded.ContainsKey)
            ? hashes.Where(h => _preloaded[h]).ToList()
            : await BlockedAsync(hashes, ct);
        if (blocked.Count == 0) return;
        throw new RuleViolationException(candidates.Where(c => blocked.Contains(c.Hash)).ToDictionary(
            c => $"emails[{c.Index}].value",
            _ => new[] { "This address belongs to a person erased at their request who asked not to be added again." }));
    }

    private Task<List<string>> BlockedAsync(List<string> hashes, CancellationToken ct) =>
        db.Set<ErasureBlock>().Where(b => hashes.Contains(b.EmailHash)).Select(b => b.EmailHash).ToListAsync(ct);
}
