namespace IncidentBot.Core.Tests.Timeline;

/// <summary>
/// The seed news report (<c>000_43178d05d4589019.txt</c>, dated 2019-11-01, a Friday), copied byte for byte
/// from the project's seeds so the timeline is tested on real prose without reading ../shared.
/// </summary>
internal static class SeedNewsReport
{
    public const string FileName = "000_43178d05d4589019.txt";

    /// <summary>SHA-256 of the original file, to show the copy is exact.</summary>
    public const string Sha256 = "35b234cb1b2c678acee85891369575b219fb2e55e34a99488a98d9de7855d901";

    public const string Text =
        """
         date 2019-11-01 New Delhi: Whatsapp, in a statement, on Friday said that it had informed relevant Indian and International government authorities about the breach of privacy of various individuals in May itself. It also assured the Indian government that the messaging platform is committed to the protection of all users through their product, adding that they need to work together to protect users from hackers attempting to weaken security.

        This statement by the Facebook-owned messaging platform came after the Centre sought a reply from WhatsApp after reports emerged that Israeli software ‘Pegasus’ was used allegedly by a surveillance firm NSO Group to snoop into the phones of many Indians including journalists, lawyers, and activists.

        In its defence, Whatsapp said, “Our highest priority is the privacy and security of WhatsApp users. In May, we quickly resolved a security issue and notified relevant Indian and international government authorities.”

        “Since then, we have worked to identify targeted users to ask the courts to hold the international spyware firm known as the NSO Group accountable,” the statement added.

        “We agree with the government of India, it is critical that together we do all we can to protect users from hackers attempting to weaken security. WhatsApp remains committed to the protection of all user messages through the product we provide,” it further stated.

        The news agency also put up an image that showed information provided by Whatsapp to CERT-IN. However, there was no mention of Pegasus or the extent of breach in the image, which is in pure technical jargon.

        Sources: WhatsApp had given information to CERT-IN, a government agency as seen in the attached image in May. As is seen in the image, it is a communication in pure technical jargon without any mention of Pegasus or the extent of breach. pic.twitter.com/RPIgIntu1X — ANI (@ANI) November 1, 2019

        On Thursday, Union Minister Ravi Shankar Prasad expressed displeasure at the breach of privacy of citizens and said the Central government is committed to protecting the privacy of all Indian citizens.

        “The Government of India is concerned at the breach of privacy of citizens of India on the messaging platform WhatsApp. We have asked WhatsApp to explain the kind of breach and what it is doing to safeguard the privacy of millions of Indian citizens,” he said.

        As per media reports, over 1,400 users were targeted upon by the spies. Investigations have also revealed that the users who were preyed upon span across four continents and were mostly diplomats, political dissidents, journalists, and senior government officials. Taking cognisance of the matter, the Facebook-owned company WhatsApp said it has sued the alleged NSO Group.
        """;
}
